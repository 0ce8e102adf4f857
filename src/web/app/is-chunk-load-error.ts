/**
 * Whether a route failed because its code could not be loaded: after an upgrade, a tab opened
 * before it asks for the old build's chunks, which are gone (the server answers 404); or the server
 * is down. Each browser words the failed dynamic import its own way, and Vite's preload helper
 * rejects with its own error when a chunk's stylesheet fails first. (A failed JS modulepreload is not
 * awaited by Vite: the `import()` after it fails with the browser's wording.)
 */
const CHUNK_LOAD_MESSAGES = [
  // Chromium
  "Failed to fetch dynamically imported module",
  // Firefox
  "error loading dynamically imported module",
  // Safari
  "Importing a module script failed",
  // Safari, when a fallback answers the missing chunk with index.html
  "is not a valid JavaScript MIME type",
  // Vite's preload helper, for the chunk's CSS
  "Unable to preload CSS for",
];

const pattern = new RegExp(CHUNK_LOAD_MESSAGES.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i");

export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return pattern.test(message);
}
