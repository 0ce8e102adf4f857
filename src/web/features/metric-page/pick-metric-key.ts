/**
 * The metric key that `text` names: a key equal to it; unless `exact`, else the one key that
 * contains it (case-insensitive), or the one that starts with it when several contain it. Undefined
 * when it names none, or several equally.
 */
export function pickMetricKey(keys: readonly string[], text: string, exact: boolean): string | undefined {
  if (keys.includes(text)) return text;
  const wanted = text.trim().toLowerCase();
  if (exact || wanted === "") return undefined;
  const containing = keys.filter((k) => k.toLowerCase().includes(wanted));
  if (containing.length === 1) return containing[0];
  const starting = containing.filter((k) => k.toLowerCase().startsWith(wanted));
  return starting.length === 1 ? starting[0] : undefined;
}
