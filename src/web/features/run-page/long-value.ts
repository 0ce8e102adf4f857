/** Values past either limit are clamped on the run page, so one huge param cannot push every other card off screen. */
export const CLAMP_CHARS = 300;
export const CLAMP_LINES = 3;

/** Whether a value needs "Show more": more than CLAMP_CHARS characters or more than CLAMP_LINES lines. */
export function isLongValue(value: string): boolean {
  if (value.length > CLAMP_CHARS) return true;
  let lines = 1;
  for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) {
    if (++lines > CLAMP_LINES) return true;
  }
  return false;
}

/** The clamped preview: the first CLAMP_LINES lines, cut at CLAMP_CHARS characters, with an ellipsis when cut. */
export function clampValue(value: string): string {
  if (!isLongValue(value)) return value;
  const lines = value.split("\n", CLAMP_LINES).join("\n");
  return `${lines.slice(0, CLAMP_CHARS).trimEnd()}…`;
}
