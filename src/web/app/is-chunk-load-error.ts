/**
 * Whether a route failed because its code could not be loaded: after an upgrade, a tab opened
 * before it asks for the old build's chunks, which are gone (the server answers 404). Each browser
 * words the failed dynamic import its own way.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(message);
}
