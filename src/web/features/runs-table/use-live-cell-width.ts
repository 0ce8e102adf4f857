import { useLayoutEffect, useRef, type RefObject } from "react";

export interface LiveWidth {
  columnId: string;
  width: number;
}

/**
 * While a column is dragged, its cells in the rows on screen get the dragged width straight on
 * their style, once per frame; the header and the virtualiser get it by rendering. Rendering the
 * rows instead, or passing the width down as a custom property of the grid, restyles every cell on
 * screen each frame (measured: several times the cost of restyling one column's cells). React
 * never learns of these writes, so when the drag ends, kept or cancelled, the cells are set to the
 * width React rendered them with (`committedWidth`: by then the kept one).
 */
export function useLiveCellWidth(scrollRef: RefObject<HTMLElement | null>, live: LiveWidth | undefined, committedWidth: (columnId: string) => number | undefined): void {
  const lastColumn = useRef<string | undefined>(undefined);
  // On every render while dragging: rows that came into view meanwhile were rendered at the old width.
  useLayoutEffect(() => {
    const columnId = live?.columnId ?? lastColumn.current;
    lastColumn.current = live?.columnId;
    const width = live?.width ?? (columnId === undefined ? undefined : committedWidth(columnId));
    const grid = scrollRef.current;
    if (!grid || columnId === undefined || width === undefined) return;
    for (const cell of grid.querySelectorAll<HTMLElement>(`[role="gridcell"][data-column-id="${CSS.escape(columnId)}"]`)) cell.style.width = `${width}px`;
  });
}
