/**
 * Display formatting. Times are absolute (users asked MLflow for that, #7413), in local time as
 * `2023-11-14 22:13:20`: unambiguous in every locale, sortable by eye and narrow enough for a
 * table column. The relative age is offered as a tooltip by the callers.
 */
const pad = (n: number) => String(n).padStart(2, "0");

export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return "—";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const UNITS: readonly [string, number][] = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
];

/** `1h 02m`, `3m 20s`, `4.2s`, `120ms`: two units at most, enough to compare runs at a glance. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  for (let i = 0; i < UNITS.length - 1; i++) {
    const [unit, size] = UNITS[i] as [string, number];
    if (ms >= size) {
      const [nextUnit, nextSize] = UNITS[i + 1] as [string, number];
      const major = Math.floor(ms / size);
      const minor = Math.floor((ms % size) / nextSize);
      return `${major}${unit} ${String(minor).padStart(2, "0")}${nextUnit}`;
    }
  }
  return `${Math.round(ms / 1000)}s`;
}

/** A run's duration: end − start, or "so far" for a run without an end time. */
export function runDuration(start: number, end: number | undefined, now = Date.now()): number | undefined {
  if (!start) return undefined;
  return (end ?? now) - start;
}

/**
 * Metric values: up to 6 significant digits, NaN and infinities spelled out. MLflow stores ±Infinity
 * as ±DBL_MAX (its SQL columns hold no infinities), so ±DBL_MAX reads as ±∞ too, as the charts draw it.
 */
export function formatMetric(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value >= Number.MAX_VALUE) return "∞";
  if (value <= -Number.MAX_VALUE) return "−∞";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  // 1.2e-5, not 1.2000e-5.
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return value.toExponential(4).replace(/\.?0+e/, "e");
  return String(Number(value.toPrecision(6)));
}

/**
 * A count with thousands separators, `1,250`: written out rather than `toLocaleString`, whose first
 * call makes the page's first Intl number format (ICU's locale data: tens of ms on a cold tab,
 * before the metric page's first paint). Comma-grouped in every locale, as times are ISO-like above.
 */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/**
 * Made on first use, not when the module loads: the first Intl object of a page loads ICU's locale
 * data (≈ 50–100 ms on a cold tab), which must not delay the first paint of the UI.
 */
let relative: Intl.RelativeTimeFormat | undefined;

/** "3 hours ago", for tooltips beside absolute times. */
export function formatAge(ms: number | undefined, now = Date.now()): string {
  if (ms === undefined || ms <= 0) return "";
  relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const diff = ms - now;
  const abs = Math.abs(diff);
  for (const [unit, size] of [["day", 86_400_000], ["hour", 3_600_000], ["minute", 60_000]] as const) {
    if (abs >= size) return relative.format(Math.round(diff / size), unit);
  }
  return relative.format(Math.round(diff / 1000), "second");
}

const BYTE_UNITS = ["KiB", "MiB", "GiB", "TiB"] as const;

/**
 * A file size in binary units, `512 B`, `1.5 KiB`, `3.4 MiB`, `12 GiB`: three significant digits at
 * most, so a column of sizes reads at a glance. Undefined, negative or non-finite sizes are "—".
 */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // 1023.9 KiB would round to "1024 KiB": move up a unit before rounding does.
  while (value >= 1023.5 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 ? String(Math.round(value)) : value >= 10 ? value.toFixed(1).replace(/\.0$/, "") : value.toFixed(2).replace(/\.?0+$/, "");
  return `${text} ${BYTE_UNITS[unit]}`;
}
