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
