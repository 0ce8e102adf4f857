/**
 * Puts `text` on the clipboard. The Clipboard API exists only in secure contexts (https, localhost):
 * a server opened by its LAN address over plain http has none, so a hidden textarea and
 * `execCommand("copy")` stand in, as they do when the API refuses (no permission, no focus).
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error("No Clipboard API");
    await navigator.clipboard.writeText(text);
  } catch (error) {
    if (!copyWithSelection(text)) throw error;
  }
}

function copyWithSelection(text: string): boolean {
  if (typeof document === "undefined") return false;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  // Off-screen rather than hidden: a display:none element cannot be selected.
  area.style.position = "fixed";
  area.style.left = "-9999px";
  const focused = document.activeElement;
  document.body.appendChild(area);
  area.select();
  try {
    // Deprecated, but still the only way to copy without the Clipboard API.
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    if (focused && "focus" in focused && typeof focused.focus === "function") (focused as HTMLElement).focus();
  }
}
