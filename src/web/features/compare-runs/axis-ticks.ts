import { niceStep, ticksAt } from "../../utils/nice-ticks.js";

export interface TickOptions {
  /** About how many intervals between ticks. */
  count?: number;
  /** Every value of the field is a whole number (`layers`, `batch_size`): ticks are too. */
  integer?: boolean;
}

/** A step of 1, 2, 2.5 or 5 × 10^k; for whole numbers at least 1 and never 2.5 (→ 2), so `layers` gets no tick at 2.5. */
function tickStep(span: number, count: number, integer: boolean): number {
  const step = niceStep(span, count);
  return integer ? Math.max(1, Math.floor(step)) : step;
}

/** Round tick values inside [min, max], about `count` intervals apart. */
export function niceTicks(min: number, max: number, { count = 5, integer = false }: TickOptions = {}): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (!(max > min)) return [min];
  return ticksAt(min, max, tickStep(max - min, count, integer));
}

/**
 * A scatter axis: the values' range with 5 % to spare on each side, so no point sits on the frame,
 * and round ticks inside it. A single value gets a band around it; a whole-number field at least
 * half a unit, so `layers` 2 and 3 are not pressed against the frame. Undefined without values.
 */
export function paddedAxis(values: readonly number[], options: TickOptions = {}): { domain: [number, number]; ticks: number[] } | undefined {
  if (values.length === 0) return undefined;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const spare = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.1 || 1;
  const pad = options.integer ? Math.max(0.5, spare) : spare;
  const domain: [number, number] = [lo - pad, hi + pad];
  return { domain, ticks: niceTicks(domain[0], domain[1], options) };
}

/** Whether a field's values are all whole numbers (and there is at least one). */
export function allIntegers(values: readonly number[]): boolean {
  return values.length > 0 && values.every((v) => Number.isInteger(v));
}

/** Whether a value reads best written out (`0.0005`, `250`) rather than with an exponent. */
function plainRange(value: number): boolean {
  const abs = Math.abs(value);
  return abs === 0 || !Number.isFinite(abs) || (abs >= 1e-4 && abs < 1e6);
}

/** `3.6e-7`, `0.0005`, `250`, `1.5e6`: `significant` digits at most, an exponent outside 1e-4…1e6, without toExponential's `3.6000e-7` zeros and `+`. */
export function formatTickNumber(value: number, significant = 4, scientific = !plainRange(value)): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  if (!scientific) return String(Number(value.toPrecision(significant)));
  const [mantissa = "", exponent = ""] = value.toExponential(significant - 1).split("e");
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/**
 * Labels for one axis's ticks: as many digits as the roundest tick set needs to be written exactly
 * (1–3 for nice ticks), so a narrow range's `0.30005` beside `0.3` is not cut to a false `0.3001`;
 * and one notation for the axis: if any tick needs an exponent, all have one, so a log axis reads
 * `1e-5, 1e-4, 1e-3` rather than `1e-5, 0.0001, 0.001`.
 */
export function formatTicks(ticks: readonly number[]): string[] {
  const exact = (digits: number) => ticks.every((t) => !Number.isFinite(t) || Number(t.toPrecision(digits)) === t);
  let digits = 1;
  while (digits < 12 && !exact(digits)) digits++;
  const scientific = !ticks.every(plainRange);
  return ticks.map((t) => formatTickNumber(t, digits, scientific));
}
