/** A plain-text table: a header row, a rule, then one line per row, columns padded to their widest cell. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

/** `2023-11-14 22:13:20` in local time; "" for an absent time. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || ms === 0) return "";
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** JSON for scripts: NaN and ±Infinity as MLflow's wire writes them ("NaN", "Infinity"), not null. */
export function formatJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? (Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity") : v),
      2,
    ) + "\n"
  );
}
