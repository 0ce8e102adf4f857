/** How a file is previewed, decided from its name (and for images its size) before anything is fetched. */
export type PreviewKind =
  | { kind: "image" }
  /** Monospace text; `json` is pretty-printed when the whole file was read and parses. */
  | { kind: "text"; json: boolean }
  | { kind: "table"; delimiter: "," | "\t" }
  | { kind: "none"; reason: "type" | "too-large" };

/** Text previews read the first MiB of a file, however large it is. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;
/** An `<img>` downloads the whole file, so larger images are offered for download only. */
export const IMAGE_PREVIEW_MAX_BYTES = 32 * 1024 * 1024;
/** Rows of a CSV/TSV table below its header row: MLflow's own preview shows as many. */
export const TABLE_PREVIEW_ROWS = 500;

const IMAGE = new Set(["png", "jpg", "jpeg", "gif", "webp", "bmp"]);
/**
 * Shown as text. HTML, SVG and JavaScript are deliberately here: their source is shown, never
 * rendered (no iframe, no `<img>` of an SVG, no innerHTML).
 */
const TEXT = new Set([
  "txt", "log", "md", "markdown", "rst", "yaml", "yml", "py", "sh", "bash", "cfg", "conf", "ini", "toml",
  "jsonl", "ndjson", "html", "htm", "svg", "js", "mjs", "ts", "xml", "css", "sql", "r",
]);
/** Files known by their whole name: MLflow's model files and a few common ones without an extension. */
const TEXT_NAMES = new Set(["mlmodel", "dockerfile", "makefile", "license", "readme"]);

/** The last segment of an artifact path. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The lower-cased extension, "" without one; a leading dot (`.env`) is a name, not an extension. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function previewKind(path: string, size?: number): PreviewKind {
  const name = fileName(path);
  const ext = extensionOf(name);
  if (IMAGE.has(ext)) return size !== undefined && size > IMAGE_PREVIEW_MAX_BYTES ? { kind: "none", reason: "too-large" } : { kind: "image" };
  if (ext === "json") return { kind: "text", json: true };
  if (ext === "csv") return { kind: "table", delimiter: "," };
  if (ext === "tsv") return { kind: "table", delimiter: "\t" };
  if (TEXT.has(ext) || (ext === "" && TEXT_NAMES.has(name.toLowerCase()))) return { kind: "text", json: false };
  return { kind: "none", reason: "type" };
}
