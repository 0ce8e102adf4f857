/** A metric point. `value` may be NaN or ±Infinity in memory; the wire layer renders them. */
export interface Metric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

/** A metric point that names its run (bulk history reads). */
export interface MetricWithRunId extends Metric {
  run_id: string;
}
