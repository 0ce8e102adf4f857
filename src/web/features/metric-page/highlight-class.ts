/** A run's entry while one run is highlighted (hovered in a legend, a line or a bar): it, or dimmed; "" while none is. */
export function highlightClass(highlighted: string | undefined, runId: string): string {
  return highlighted === runId ? "is-highlighted" : highlighted ? "is-dimmed" : "";
}
