import { niceStep, round12, ticksAt } from "./nice-ticks.js";

/** Past this many decades a log axis ticks powers of ten only; below it, 1-2-5 (or finer) × 10^k too. */
const SUBDIVIDED_DECADES = 2;
/** Under this many decades (a factor of ~2.5) even 1-2-3-5 leaves too few ticks: round linear steps instead. */
const LINEAR_DECADES = 0.4;
/** Up to this many decades the ends of a powers-of-ten axis may be 2 or 5 × 10^k. */
const NEAR_END_DECADES = 4;
/** Past this many decades only every 2nd, 3rd, … power of ten is ticked. */
const MAX_DECADE_TICKS = 8;

/**
 * A log axis over [lo, hi] (0 < lo ≤ hi): ticks and the domain, widened to the nearest tick on each
 * side so both ends of the axis carry a label (the data's own ends are rarely round, and an axis
 * whose lowest label sits a third of the way up reads as if the data stopped there). The ticks are
 * powers of ten over more than two decades (every k-th power over more than eight; over up to four
 * the ends may be 2 or 5 × 10^k, so the plot does not spend a decade past the data), 1-2-5 × 10^k
 * over one to two, 1-2-3-5 × 10^k under one, and round linear steps under a factor of ~2.5, where
 * a log scale is nearly linear anyway. Undefined for a range a log axis cannot show.
 */
export function logTicks(lo: number, hi: number): { domain: [number, number]; ticks: number[] } | undefined {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return undefined;
  const decades = Math.log10(hi / lo);
  if (decades < LINEAR_DECADES) {
    const step = niceStep(hi - lo || lo * 0.1, 4);
    const from = Math.floor(lo / step + 1e-9) * step;
    // A step wider than lo would reach zero, which a log axis has no place for: keep lo then.
    const start = from > 0 ? round12(from) : lo;
    const end = round12(Math.ceil(hi / step - 1e-9) * step);
    const ticks = ticksAt(start, end, step).filter((t) => t > 0);
    if (start !== ticks[0]) ticks.unshift(start);
    return { domain: [start, end], ticks };
  }
  if (decades > SUBDIVIDED_DECADES) {
    const stride = Math.ceil(decades / MAX_DECADE_TICKS);
    const first = Math.floor(Math.log10(lo) / stride + 1e-9) * stride;
    const last = Math.ceil(Math.log10(hi) / stride - 1e-9) * stride;
    const ticks: number[] = [];
    for (let k = first; k <= last; k += stride) ticks.push(round12(10 ** k));
    if (decades > NEAR_END_DECADES) return { domain: [ticks[0] as number, ticks[ticks.length - 1] as number], ticks };
    // Over a few decades a whole decade past the data wastes much of the plot: the ends may stop at
    // 2 or 5 × 10^k instead (at least 0.3 decades from the nearest power of ten, so labels stay apart).
    const start = ladderBelow(lo, [1, 2, 5]);
    const end = ladderAbove(hi, [1, 2, 5]);
    return { domain: [start, end], ticks: [start, ...ticks.filter((t) => t > start && t < end), end] };
  }
  const mantissas = decades > 1 ? [1, 2, 5] : [1, 2, 3, 5];
  const start = ladderBelow(lo, mantissas);
  const end = ladderAbove(hi, mantissas);
  return { domain: [start, end], ticks: ladder(lo, hi, mantissas).filter((t) => t >= start && t <= end) };
}

/** Every m × 10^k (m in `mantissas`) from a decade below lo to 10^ceil(log hi). */
function ladder(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)); k++) for (const m of mantissas) out.push(round12(m * 10 ** k));
  return out;
}

/** The largest m × 10^k at or below v (the ladder reaches a decade below it: always found). */
const ladderBelow = (v: number, mantissas: readonly number[]): number => ladder(v, v, mantissas).findLast((t) => t <= v * (1 + 1e-9)) ?? v;
/** The smallest m × 10^k at or above v (the ladder reaches 10^ceil(log v): always found). */
const ladderAbove = (v: number, mantissas: readonly number[]): number => ladder(v, v, mantissas).find((t) => t >= v * (1 - 1e-9)) ?? v;
