import { useEffect, useRef } from "react";
import { isPlainKey, isTypingTarget } from "../../utils/is-typing-target.js";
import { RUN_ROW_SELECTOR } from "./run-row.js";

export interface TableKeyHandlers {
  rowCount: number;
  move: (delta: number) => void;
  open: () => void;
  toggleSelect: () => void;
  expand: (expand: boolean) => void;
}

/** j/k move, Enter opens, x selects, ←/→ collapse/expand: active while the table is on screen. */
export function useTableKeyboard(handlers: TableKeyHandlers): void {
  // The listener is registered once; it always calls the latest handlers.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPlainKey(event) || isTypingTarget(event.target)) return;
      // Buttons and links keep their own Enter, and a focused column-resize handle is not a row.
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.matches("a, button, [role=separator]")) return;
      const h = latest.current;
      if (h.rowCount === 0) return;
      const actions: Record<string, (() => void) | undefined> = {
        j: () => h.move(1),
        k: () => h.move(-1),
        Enter: h.open,
        x: h.toggleSelect,
        ArrowRight: () => h.expand(true),
        ArrowLeft: () => h.expand(false),
        // Up and down as in a grid, with the focus in a row; elsewhere they scroll the page as usual.
        ...(inRow(event.target) ? { ArrowDown: () => h.move(1), ArrowUp: () => h.move(-1) } : {}),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

const inRow = (target: EventTarget | null): boolean => target instanceof Element && target.closest(RUN_ROW_SELECTOR) !== null;
