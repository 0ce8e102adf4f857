/**
 * Orders keys the way people read them: digit runs compare as numbers, so `m2` comes before `m10`
 * and `layer_9/loss` before `layer_10/loss`. Written out rather than an Intl.Collator, which costs
 * milliseconds to create on a page's first render. Case-sensitive, then code-unit order on ties,
 * so the order is total and stable.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const endA = digitRunEnd(a, i);
      const endB = digitRunEnd(b, j);
      const byNumber = compareDigitRuns(a.slice(i, endA), b.slice(j, endB));
      if (byNumber !== 0) return byNumber;
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  const byLength = a.length - i - (b.length - j);
  if (byLength !== 0) return byLength;
  return a < b ? -1 : a > b ? 1 : 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function digitRunEnd(s: string, from: number): number {
  let k = from;
  while (k < s.length && isDigit(s.charCodeAt(k))) k++;
  return k;
}

/** Compares two runs of digits by value without parsing (they may exceed 2^53). */
function compareDigitRuns(x: string, y: string): number {
  const tx = x.replace(/^0+(?=\d)/, "");
  const ty = y.replace(/^0+(?=\d)/, "");
  if (tx.length !== ty.length) return tx.length - ty.length;
  return tx < ty ? -1 : tx > ty ? 1 : 0;
}
