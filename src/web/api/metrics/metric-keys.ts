import type { SampledHistoryXAxis } from "../../../core/charts/index.js";

export interface SampledHistoryQuery {
  runIds: readonly string[];
  metricKey: string;
  xAxis: SampledHistoryXAxis;
  maxPoints: number;
  /** Debiased EMA weight, 0 for none. */
  smoothing?: number;
  /** Inclusive x-range on `xAxis` (a zoom). */
  minX?: number;
  maxX?: number;
}

/** Query keys of metric histories, generic → specific. */
export const metricKeys = {
  all: ["metrics"] as const,
  sampled: (query: SampledHistoryQuery) => [...metricKeys.all, "sampled", query] as const,
};
