import { formatAge, formatTime } from "../utils/format.js";

/**
 * An absolute time, with its age on hover and the machine-readable value for tools. The age is
 * only ever read in the tooltip, so it is computed when the pointer arrives: formatting it for every
 * row of a table would put ICU's cold start (see formatAge) before the table's first paint.
 */
export function TimeText({ ms }: { ms: number | undefined }) {
  if (!ms) return <span className="faint">—</span>;
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      onMouseEnter={(event) => {
        event.currentTarget.title = formatAge(ms);
      }}
    >
      {formatTime(ms)}
    </time>
  );
}
