import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { createPortal } from "react-dom";
import { runColorChoices } from "../utils/run-color-choices.js";
import { RUN_PALETTE, RUN_PALETTE_NAMES } from "../utils/run-colors.js";
import { givenRunColor } from "../utils/use-run-colors.js";
import "./run-color-button.css";

interface Props {
  runId: string;
  /** The run's name as the view shows it, for the buttons' labels. */
  runName: string;
  /** The colour the run is drawn in now. */
  color: string;
  /** The swatch's shape: a dot (tables, headers) or a short line (a chart legend's key). */
  mark?: "dot" | "line";
}

/** The popover's width (5 swatches of 22 px, gaps, padding): kept inside the window when opened near its right edge. */
const POPOVER_WIDTH = 150;

/**
 * A run's colour swatch that opens a palette to recolour the run in every view (this browser only,
 * `run-color-choices.ts`). The palette is a native popover, rendered only while open and outside
 * the view's DOM (a legend of 100 runs holds no 2,000 hidden buttons, and entries' text stays their
 * names): it sits above the chart's clipping boxes and closes on Escape or a click outside.
 */
export function RunColorButton({ runId, runName, color, mark = "dot" }: Props) {
  const [at, setAt] = useState<{ top: number; left: number } | undefined>(undefined);
  // Each opening mounts a new palette: one reopened between its light dismiss (Escape) and the
  // "closed" toggle event that follows a task later stayed hidden, then was closed by that event.
  const [opened, setOpened] = useState(0);
  // A click on the swatch of an open palette closes it (the click outside dismisses it), not reopens it.
  const openAtPress = useRef(false);
  const open = (event: MouseEvent<HTMLButtonElement>): void => {
    if (openAtPress.current) {
      openAtPress.current = false;
      return;
    }
    const box = event.currentTarget.getBoundingClientRect();
    setAt({ top: box.bottom + 4, left: Math.max(4, Math.min(box.left - 6, window.innerWidth - POPOVER_WIDTH - 4)) });
    setOpened((n) => n + 1);
  };
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Closing gives the focus back to the swatch, as a menu button does (a popover opened from script
  // does not), unless a click outside closed it and put the focus where it clicked.
  const close = useCallback((focusWasInside: boolean) => {
    setAt(undefined);
    if (focusWasInside) button.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="run-color-button"
        aria-label={`Colour of ${runName}`}
        aria-expanded={at !== undefined}
        aria-controls={at ? id : undefined}
        title="Change the run's colour"
        onPointerDown={() => {
          openAtPress.current = at !== undefined;
        }}
        onClick={open}
      >
        <span className={`run-color-${mark}`} style={{ background: color }} />
      </button>
      {at &&
        createPortal(
          <ColorPopover
            key={opened}
            id={id}
            runId={runId}
            runName={runName}
            color={color}
            at={at}
            onClose={close}
            onTab={() => {
              button.current?.focus({ preventScroll: true });
              setAt(undefined);
            }}
          />,
          document.body,
        )}
    </>
  );
}

interface PopoverProps {
  id: string;
  runId: string;
  runName: string;
  color: string;
  at: { top: number; left: number };
  onClose: (focusWasInside: boolean) => void;
  /** Tab out of the palette: it closes, and the focus goes on from the swatch that opened it. */
  onTab: () => void;
}

const GRID_COLUMNS = 5;
const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowDown: (i, n) => (i + GRID_COLUMNS) % n,
  ArrowUp: (i, n) => (i - GRID_COLUMNS + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** Arrow keys, Home and End move among the swatches (a grid of five); Tab leaves the palette. */
function paletteKey(event: KeyboardEvent<HTMLDivElement>, popover: HTMLDivElement | null, onTab: () => void): void {
  if (!popover) return;
  if (event.key === "Tab") {
    // Not prevented: with the swatch focused first, the browser's Tab moves on from it.
    onTab();
    return;
  }
  const move = MOVES[event.key];
  const swatches = [...popover.querySelectorAll<HTMLButtonElement>(".run-color-swatch")];
  const index = swatches.findIndex((swatch) => swatch === document.activeElement);
  if (!move || index < 0) return;
  event.preventDefault();
  swatches[move(index, swatches.length)]?.focus();
}

function ColorPopover({ id, runId, runName, color, at, onClose, onTab }: PopoverProps) {
  const popover = useRef<HTMLDivElement>(null);
  const chosen = runColorChoices.use().has(runId);
  useLayoutEffect(() => {
    const element = popover.current;
    if (!element) return;
    const closed = (event: Event): void => {
      const focused = document.activeElement;
      if ((event as ToggleEvent).newState === "closed") onClose(focused === null || focused === document.body || element.contains(focused));
    };
    element.addEventListener("toggle", closed);
    // The palette is placed under its swatch once: when the page scrolls, the swatch moves away, so it closes.
    const onScroll = (): void => {
      if (element.matches(":popover-open")) element.hidePopover();
    };
    element.showPopover();
    element.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus({ preventScroll: true });
    window.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      element.removeEventListener("toggle", closed);
      window.removeEventListener("scroll", onScroll, { capture: true });
    };
  }, [onClose]);
  const choose = (next: string | undefined): void => {
    // The run's own colour is not stored as a choice: "Back to its own colour" then has nothing to undo.
    runColorChoices.set([[runId, next === givenRunColor(runId) ? undefined : next]]);
    popover.current?.hidePopover();
  };
  return (
    <div
      ref={popover}
      id={id}
      popover="auto"
      role="dialog"
      aria-label={`Colour of ${runName}`}
      className="run-color-popover"
      style={at}
      data-testid="run-color-popover"
      onKeyDown={(event) => paletteKey(event, popover.current, onTab)}
    >
      <div className="run-color-grid">
        {RUN_PALETTE.map((swatch, i) => (
          <button
            key={swatch}
            type="button"
            className="run-color-swatch"
            style={{ background: swatch }}
            aria-label={RUN_PALETTE_NAMES[i] ?? swatch}
            title={RUN_PALETTE_NAMES[i]}
            aria-pressed={swatch === color}
            onClick={() => choose(swatch)}
          />
        ))}
      </div>
      {chosen && (
        <button type="button" className="link-button run-color-default" onClick={() => choose(undefined)}>
          Back to its own colour
        </button>
      )}
      <p className="faint run-color-note">Kept in this browser, in every view of the run.</p>
    </div>
  );
}
