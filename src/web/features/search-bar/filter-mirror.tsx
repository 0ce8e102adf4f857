interface Props {
  text: string;
  error: { start: number; end: number } | undefined;
  scrollLeft: number;
}

/**
 * A copy of the input's text drawn underneath it in transparent ink, so the error span can carry a
 * wavy underline exactly under the characters the parser blames. A zero-width span (something is
 * missing) gets a caret mark instead.
 */
export function FilterMirror({ text, error, scrollLeft }: Props) {
  if (!error) return null;
  const start = Math.min(error.start, text.length);
  const end = Math.min(Math.max(error.end, start), text.length);
  return (
    <div className="search-mirror" aria-hidden="true">
      <div style={{ transform: `translateX(${-scrollLeft}px)` }}>
        {text.slice(0, start)}
        {start === end ? <span className="mirror-missing" data-testid="filter-error-mark" /> : <span className="mirror-error" data-testid="filter-error-mark">{text.slice(start, end)}</span>}
        {text.slice(end)}
      </div>
    </div>
  );
}
