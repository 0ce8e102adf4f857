import { MlflowError } from "../../core/index.js";

const MAX_DECODE_ROUNDS = 10;

/**
 * Python's `urllib.parse.unquote`, which MLflow decodes paths with: each run of `%XX` escapes is read
 * as UTF-8 (invalid bytes become U+FFFD), and a `%` not followed by two hex digits stays as it is,
 * so `100%.txt` is a name, not an error.
 */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => new TextDecoder().decode(Uint8Array.from(run.slice(1).split("%"), (hex) => parseInt(hex, 16))));
}

/**
 * MLflow's `validate_path_is_safe`, stricter: the path is percent-decoded until stable (double
 * encoding was CVE-2024-1560), and control characters, `#`, backslashes, `..` segments and
 * absolute or drive-prefixed forms are refused with 400 rather than escaped or answered with 500.
 * Returns the cleaned relative path ("" for the root) that callers must use from then on.
 */
export function safeArtifactPath(raw: string | undefined): string {
  let path = raw ?? "";
  for (let round = 0; ; round++) {
    const decoded = unquote(path);
    if (decoded === path) break;
    if (round >= MAX_DECODE_ROUNDS) throw MlflowError.invalidParameter("Invalid path: too many levels of percent-encoding");
    path = decoded;
  }
  if (path.startsWith("file:")) path = path.replace(/^file:(\/\/[^/]*)?/, "");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path) || path.includes("#") || path.includes("\\")) throw MlflowError.invalidParameter("Invalid path");
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path)) throw MlflowError.invalidParameter("Invalid path");
  const segments = path.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) throw MlflowError.invalidParameter("Invalid path");
  return segments.join("/");
}
