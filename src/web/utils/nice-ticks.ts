/** `x` to 12 significant digits: float noise off tick values (0.1 + 0.2 is 0.3 again). */
export const round12 = (x: number): number => Number(x.toPrecision(12));

/** A round step (1, 2, 2.5 or 5 × 10^k) giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
}

/**
 * Ticks for whole-number values (a metric's steps): the multiples inside [min, max] of the smallest
 * whole round step (1, 2, 5 × 10^k; 25 × 10^k too from 25 up; 4 where 5 would leave 3 ticks) that
 * gives at most `maxTicks` of them. `niceStep` would give 2.5 (ticks at 2.5, 7.5) and, jumping from
 * 2 to 5 or 20 to 50, as few as 3 ticks; this keeps 4 to `maxTicks` over a span of 4 or more and,
 * being whole, never repeats a tick. A range narrower than one step gets the whole numbers in it.
 */
export function integerTicks(min: number, max: number, maxTicks: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const count = (step: number): number => Math.floor(max / step + 1e-9) - Math.ceil(min / step - 1e-9) + 1;
  // Start a decade below the answer rather than at 1: a million steps need no dozen trials from 1.
  let magnitude = 10 ** Math.max(0, Math.floor(Math.log10((max - min) / Math.max(1, maxTicks))) - 1);
  for (;;) {
    for (const m of magnitude === 1 ? [1, 2, 5] : [1, 2, 2.5, 5]) {
      const step = m * magnitude;
      if (count(step) > maxTicks) continue;
      // Across the 2 → 5 jump, 4 (0, 4, 8, 12, 16) rather than 3 ticks.
      return ticksAt(min, max, step === 5 && count(5) < 4 && count(4) <= maxTicks ? 4 : step);
    }
    magnitude *= 10;
  }
}

/**
 * The multiples of `step` inside [min, max] (shifted by `offset`: a wall-time axis ticks local
 * midnights, not UTC ones). Integer multiples, not a running sum, so 3 × 0.1 comes out as 0.3 and a
 * bound that float noise puts a hair off a multiple still gets its tick.
 */
export function ticksAt(min: number, max: number, step: number, offset = 0): number[] {
  const first = Math.ceil((min + offset) / step - 1e-9);
  const last = Math.floor((max + offset) / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(round12(i * step - offset));
  return ticks;
}
