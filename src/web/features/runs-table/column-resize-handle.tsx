import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from "react";
import { BIG_STEP, KEY_STEP, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, clampColumnWidth } from "./column-widths.js";

interface Props {
  /** What the column is called, for the handle's accessible name. */
  label: string;
  width: number;
  defaultWidth: number;
  /** A width while dragging (undefined: the drag was cancelled), at most once per frame. */
  onLive: (width: number | undefined) => void;
  /** The width to keep: end of a drag, a key press, a double-click. */
  onCommit: (width: number) => void;
}

interface Drag {
  pointerId: number;
  startX: number;
  startWidth: number;
  width: number;
  moved: boolean;
  frame: number;
}

/** A pointer that travels less than this is a click (or half a double-click), not a drag. */
const DRAG_SLOP = 3;
/** On the document while a column is dragged (pointer shape, no text selection: runs-table.css). */
const RESIZING_CLASS = "is-resizing-column";
const DRAGGING_CLASS = "is-dragging";

/**
 * The header's click sorts, and the click that ends a drag would reach it wherever the pointer was
 * released: the next click is swallowed, in the capture phase, unless it has already gone by.
 */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener("click", swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
}

/**
 * The right edge of a column header: drag it (pointer capture, so the pointer may leave the header),
 * focus it and press ←/→ (Shift: bigger steps), or double-click it to restore the default width.
 * A drag reports at most one width per animation frame, however fast pointer events come.
 */
export function ColumnResizeHandle({ label, width, defaultWidth, onLive, onCommit }: Props) {
  const drag = useRef<Drag | undefined>(undefined);
  // A header that leaves the DOM mid-drag (scrolled out of the virtualised range) drops the drag:
  // the width never reaches the URL, and the live one must not stay behind. Its column is the
  // same for the handle's whole life, so the first render's `onLive` does.
  useEffect(
    () => () => {
      if (!drag.current) return;
      cancelAnimationFrame(drag.current.frame);
      drag.current = undefined;
      document.documentElement.classList.remove(RESIZING_CLASS);
      onLive(undefined);
    },
    [],
  );

  const end = (event: PointerEvent<HTMLDivElement>, keep: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = undefined;
    cancelAnimationFrame(d.frame);
    document.documentElement.classList.remove(RESIZING_CLASS);
    event.currentTarget.classList.remove(DRAGGING_CLASS);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    if (keep && d.moved) {
      swallowNextClick();
      onCommit(d.width);
    }
    // The live width is dropped once the kept one has been rendered in its place.
    onLive(undefined);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${label}`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className="column-resize-handle"
      data-testid="column-resize-handle"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        // No text selection, no focus move, no sort: the pointer belongs to the handle now.
        event.preventDefault();
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { pointerId: event.pointerId, startX: event.clientX, startWidth: width, width, moved: false, frame: 0 };
        document.documentElement.classList.add(RESIZING_CLASS);
        // Set on the element, not rendered: a drag renders only the widths it reports.
        event.currentTarget.classList.add(DRAGGING_CLASS);
      }}
      onPointerMove={(event) => {
        const d = drag.current;
        if (!d || d.pointerId !== event.pointerId) return;
        const dx = event.clientX - d.startX;
        if (Math.abs(dx) >= DRAG_SLOP) d.moved = true;
        if (!d.moved) return;
        d.width = clampColumnWidth(d.startWidth + dx);
        if (d.frame === 0) {
          d.frame = requestAnimationFrame(() => {
            d.frame = 0;
            if (drag.current === d) onLive(d.width);
          });
        }
      }}
      onPointerUp={(event) => end(event, true)}
      onPointerCancel={(event) => end(event, false)}
      onLostPointerCapture={(event) => end(event, true)}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => {
        event.stopPropagation();
        onCommit(defaultWidth);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        const step = event.shiftKey ? BIG_STEP : KEY_STEP;
        const delta = event.key === "ArrowLeft" ? -step : event.key === "ArrowRight" ? step : undefined;
        if (delta === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
        // ←/→ also collapse and expand the active run (use-table-keyboard): not from here.
        event.preventDefault();
        event.stopPropagation();
        onCommit(clampColumnWidth(width + delta));
      }}
    />
  );
}
