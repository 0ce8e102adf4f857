import { formatAge, formatTime } from "../utils/format.js";

/** An absolute time, with its age on hover and the machine-readable value for tools. */
export function TimeText({ ms }: { ms: number | undefined }) {
  if (!ms) return <span className="faint">—</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatAge(ms)}>
      {formatTime(ms)}
    </time>
  );
}
