/** A percent sign and two hex digits: what a server decoding its `path` parameter reads as an escape. */
const ESCAPE = /%[0-9a-fA-F]{2}/;

/** The character an escape stands for, or undefined when it is not one on its own (half of a UTF-8 sequence). */
function decoded(escape: string): string | undefined {
  try {
    return decodeURIComponent(escape);
  } catch {
    return undefined;
  }
}

/**
 * Why the server will not give a listed artifact back (one sentence, for a file or a folder), or
 * undefined when nothing stops it. MLflow's
 * `validate_path_is_safe` (and Tracklet's server after it) refuses any path with a `#`, and decodes
 * percent escapes in the path before opening it, so `x%41.txt` would be read as `xA.txt`: the file,
 * listed from the store as it is named, cannot be fetched under its own name. Asking would only
 * bring back a 400 or a 404 about some other file, so the browser explains instead of asking.
 * A `..` segment is left to the server: no listed name has one, and a typed link gets its answer.
 */
export function unopenableReason(path: string): string | undefined {
  if (path.includes("#")) return "The server refuses artifact paths containing “#”.";
  const escape = ESCAPE.exec(path)?.[0];
  if (escape === undefined) return undefined;
  const char = decoded(escape);
  const as = char === undefined ? "an escaped character" : `an escaped “${char}”`;
  return `The server reads “${escape}” in an artifact path as ${as}, so it would look under a different name.`;
}
