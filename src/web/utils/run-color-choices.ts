import { useSyncExternalStore } from "react";
import { RUN_PALETTE } from "./run-colors.js";

/**
 * Colours the user chose for runs, which win over the colour of the run's id (`runColor`): two
 * runs of one view can share a colour, and like MLflow and W&B the user can then recolour one.
 * Kept in this browser (localStorage, synced across its tabs), as MLflow keeps its run colours;
 * nothing is written to the server, so a run's colour never changes for anyone else.
 */
export const RUN_COLOR_ITEM = "tracklet.run-colors";

/** At most this many choices are kept, the most recent ones: an item of a few tens of KB. */
export const KEPT_CHOICES = 1000;

export type RunColorChoices = ReadonlyMap<string, string>;

const EMPTY: RunColorChoices = new Map();
const PALETTE: ReadonlySet<string> = new Set(RUN_PALETTE);

/** The choices stored in `text`; anything but palette colours keyed by strings is dropped. */
export function parseRunColorChoices(text: string | null): RunColorChoices {
  if (!text) return EMPTY;
  try {
    const stored: unknown = JSON.parse(text);
    if (!Array.isArray(stored)) return EMPTY;
    const choices = new Map<string, string>();
    for (const entry of stored) {
      if (Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "string" && PALETTE.has(entry[1])) choices.set(entry[0], entry[1]);
    }
    return choices;
  } catch {
    return EMPTY;
  }
}

/** `choices` with `runId` set to `color` (undefined: back to its id's colour), newest last, at most `KEPT_CHOICES`. */
export function withRunColor(choices: RunColorChoices, runId: string, color: string | undefined): RunColorChoices {
  const next = new Map(choices);
  next.delete(runId);
  if (color !== undefined && PALETTE.has(color)) next.set(runId, color);
  while (next.size > KEPT_CHOICES) {
    const oldest = next.keys().next();
    if (oldest.done) break;
    next.delete(oldest.value);
  }
  return next;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage denied (privacy settings): choices last until the page is left.
    return undefined;
  }
}

let current: RunColorChoices | undefined;
const listeners = new Set<() => void>();

function snapshot(): RunColorChoices {
  current ??= parseRunColorChoices(storage()?.getItem(RUN_COLOR_ITEM) ?? null);
  return current;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent): void {
  if (event.key !== RUN_COLOR_ITEM && event.key !== null) return;
  current = undefined;
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

/** Sets (or with undefined, clears) the colour chosen for a run; every view showing it repaints. */
export function chooseRunColor(runId: string, color: string | undefined): void {
  current = withRunColor(snapshot(), runId, color);
  try {
    storage()?.setItem(RUN_COLOR_ITEM, JSON.stringify([...current]));
  } catch {
    // Quota or denied storage: the choice holds in this page only.
  }
  notify();
}

/** The chosen colours, re-rendering the component when any changes (in this tab or another). */
export function useRunColorChoices(): RunColorChoices {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}
