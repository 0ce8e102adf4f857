/** Fields that take text; checkboxes and buttons do not, so shortcuts keep working after a click on them. */
const TEXT_FIELD = "textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset])";

/** Single-key shortcuts must not fire while the user types into a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches(TEXT_FIELD);
}

/** A plain key press: no Ctrl/Meta/Alt, so browser and OS shortcuts keep working. */
export function isPlainKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey;
}
