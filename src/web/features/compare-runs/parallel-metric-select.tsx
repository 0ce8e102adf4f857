import type { FieldRef } from "./compare-fields.js";

interface Props {
  metricKeys: readonly string[];
  value: string | undefined;
  /** The same names as the axes, so `lr (metric)` here is `lr (metric)` on the plot. */
  fieldLabel: (field: FieldRef) => string;
  onChange: (key: string) => void;
}

/** The metric that closes the parallel-coordinates plot and colours its lines. */
export function ParallelMetricSelect({ metricKeys, value, fieldLabel, onChange }: Props) {
  if (metricKeys.length === 0) return null;
  return (
    <label className="field-select">
      <span className="muted">Metric</span>
      <select className="input" aria-label="Parallel coordinates metric" value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {metricKeys.map((key) => (
          <option key={key} value={key}>
            {fieldLabel({ kind: "metrics", key })}
          </option>
        ))}
      </select>
    </label>
  );
}
