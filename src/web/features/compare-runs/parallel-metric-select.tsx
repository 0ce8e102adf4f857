/** The metric that closes the parallel-coordinates plot and colours its lines. */
export function ParallelMetricSelect({ metricKeys, value, onChange }: { metricKeys: readonly string[]; value: string | undefined; onChange: (key: string) => void }) {
  if (metricKeys.length === 0) return null;
  return (
    <label className="field-select">
      <span className="muted">Metric</span>
      <select className="input" aria-label="Parallel coordinates metric" value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {metricKeys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
    </label>
  );
}
