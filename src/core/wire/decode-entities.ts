import type { Experiment } from "../entities/experiment.js";
import type { Metric } from "../entities/metric.js";
import type { Run } from "../entities/run.js";

/**
 * Responses as MLflow sends them omit empty lists and carry NaN/±Infinity as strings. These
 * functions restore full entities (every list present, metric values as numbers) so callers
 * never deal with the wire quirks. Only metric `value` fields are decoded: a param or tag whose
 * value is the text "NaN" stays text.
 */
const SPECIAL: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

export function decodeMetricValue(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return SPECIAL[value] ?? Number(value);
  return NaN;
}

export function decodeMetric<M extends Metric>(m: M): M {
  return { ...m, value: decodeMetricValue(m.value), step: m.step ?? 0 };
}

export function decodeRun(run: Run): Run {
  const data: Partial<Run["data"]> = run.data ?? {};
  const inputs: Partial<Run["inputs"]> = run.inputs ?? {};
  return {
    info: run.info,
    data: { metrics: (data.metrics ?? []).map(decodeMetric), params: data.params ?? [], tags: data.tags ?? [] },
    inputs: { dataset_inputs: (inputs.dataset_inputs ?? []).map((d) => ({ ...d, tags: d.tags ?? [] })) },
  };
}

export function decodeExperiment(experiment: Experiment): Experiment {
  return { ...experiment, tags: experiment.tags ?? [] };
}
