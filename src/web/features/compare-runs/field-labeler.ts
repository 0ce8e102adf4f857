import type { FieldRef } from "./compare-fields.js";

/** The words the table's section tags use, so a field reads the same in the table and the plots. */
const KIND_WORDS: Record<FieldRef["kind"], string> = { params: "param", metrics: "metric" };

/**
 * A field's display name: its key, or `lr (param)` / `lr (metric)` when a param and a metric share
 * the key, since two axes both titled "lr" cannot be told apart. Keys that do not clash stay bare.
 */
export function fieldLabeler(fields: readonly FieldRef[]): (field: FieldRef) => string {
  const params = new Set(fields.filter((f) => f.kind === "params").map((f) => f.key));
  const clashing = new Set(fields.filter((f) => f.kind === "metrics" && params.has(f.key)).map((f) => f.key));
  return (field) => (clashing.has(field.key) ? `${field.key} (${KIND_WORDS[field.kind]})` : field.key);
}
