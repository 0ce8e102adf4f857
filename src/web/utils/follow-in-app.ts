import type { MouseEvent } from "react";
import type { NavigateFunction } from "react-router";

/**
 * Click handler of a plain `<a href>` inside the app: a plain left click navigates in the app, a
 * click the user meant for the browser (modifier keys, other buttons, another target) is left to it.
 * For lists of many links, where react-router's <Link> costs several hooks per row to render.
 */
export function followInApp(event: MouseEvent<HTMLAnchorElement>, navigate: NavigateFunction): void {
  const { button, metaKey, altKey, ctrlKey, shiftKey, currentTarget } = event;
  if (event.defaultPrevented || button !== 0 || metaKey || altKey || ctrlKey || shiftKey) return;
  const target = currentTarget.getAttribute("target");
  const href = currentTarget.getAttribute("href");
  if ((target && target !== "_self") || !href) return;
  event.preventDefault();
  void navigate(href);
}
