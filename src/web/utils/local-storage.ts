/**
 * The browser's localStorage, or undefined where reading it throws (storage denied by privacy
 * settings, or a sandboxed frame): what would be remembered then lasts only as long as the page.
 */
export function localStorageOrNone(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
