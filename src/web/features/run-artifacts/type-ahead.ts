/** Keys typed within this long of each other spell one prefix; a longer pause starts a new one. */
export const TYPE_AHEAD_RESET_MS = 500;

/** What has been typed so far, and when the last key came (an event's timeStamp). */
export interface TypeAheadState {
  prefix: string;
  at: number;
}

export interface TypeAheadResult {
  /** The state to keep for the next key. */
  state: TypeAheadState;
  /** The item to move to, or undefined when none matches (focus stays where it is). */
  index: number | undefined;
  /** The key continued a prefix typed just before: it is the type-ahead's even without a match. */
  continued: boolean;
}

/** One printable character (an emoji is two UTF-16 units but one key), not a control. */
function isPrintable(key: string): boolean {
  const chars = [...key];
  return chars.length === 1 && !/[\p{Cc}\p{Cf}]/u.test(key);
}

const inProgress = (state: TypeAheadState | undefined, now: number): state is TypeAheadState =>
  state !== undefined && state.prefix !== "" && now - state.at >= 0 && now - state.at <= TYPE_AHEAD_RESET_MS;

/**
 * Whether `key` types into the type-ahead: a printable character. A space only continues a prefix
 * in progress ("my f…"): on its own it is the tree's Space, which selects.
 */
export function isTypeAheadKey(key: string, state: TypeAheadState | undefined, now: number): boolean {
  if (!isPrintable(key)) return false;
  return key !== " " || inProgress(state, now);
}

/** The first of `names`, from `start` on and wrapping around, that starts with `prefix`. */
function findFrom(names: readonly string[], start: number, prefix: string): number | undefined {
  for (let step = 0; step < names.length; step++) {
    const index = (start + step) % names.length;
    if ((names[index] ?? "").toLowerCase().startsWith(prefix)) return index;
  }
  return undefined;
}

/**
 * WAI-ARIA's type-ahead: keys typed in quick succession add up to a prefix (case-insensitive) and
 * focus goes to the first item from the current one on whose name starts with it, so typing "con"
 * stays on "config.yaml" while it still matches. A fresh key, or the same character typed again
 * ("m", "m", "m"), looks from the item after the current one, cycling through the names starting
 * with it. `names` are the visible items top to bottom; `current` the focused one's index (-1: none).
 */
export function typeAhead(names: readonly string[], current: number, state: TypeAheadState | undefined, key: string, now: number): TypeAheadResult {
  const continued = inProgress(state, now);
  const prefix = (continued ? state.prefix : "") + key.toLowerCase();
  const next: TypeAheadState = { prefix, at: now };
  const chars = [...prefix];
  const first = chars[0] ?? "";
  const repeated = chars.every((c) => c === first);
  const index = repeated ? findFrom(names, current + 1, first) : findFrom(names, Math.max(current, 0), prefix);
  return { state: next, index, continued };
}
