import type { Run } from "../../../core/index.js";

/** A param or a metric of the compared runs, as a scatter or parallel-coordinates axis. */
export interface FieldRef {
  kind: "params" | "metrics";
  key: string;
}

/** `params.lr`, `metrics.val/loss`: the column ids of the runs table, readable in a URL. */
export function fieldId(field: FieldRef): string {
  return `${field.kind}.${field.key}`;
}

/** The prefix ends at the first dot; the key keeps any later dots (`params.optim.lr`). */
export function parseFieldId(text: string | null | undefined): FieldRef | undefined {
  if (!text) return undefined;
  const dot = text.indexOf(".");
  const kind = text.slice(0, dot);
  const key = text.slice(dot + 1);
  if (dot < 0 || !key || (kind !== "params" && kind !== "metrics")) return undefined;
  return { kind, key };
}

/** A param as text or a metric's latest value, undefined when the run has none. */
export function fieldValue(run: Run, field: FieldRef): string | number | undefined {
  if (field.kind === "params") return run.data.params.find((p) => p.key === field.key)?.value;
  return run.data.metrics.find((m) => m.key === field.key)?.value;
}

/** A param's text as a number when all of it is one (`0.01`, `1e-3`), else undefined. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** What a person calls a run: its name, else its id. */
export function runLabel(run: Run): string {
  return run.info.run_name || run.info.run_id;
}
