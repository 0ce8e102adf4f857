/** Which of its three faces the run page shows. */
export type RunPageView = "loading" | "load-error" | "run";

/**
 * react-query keeps a run's data when a later refetch fails (a live run's poll, the refetch after an
 * edit): such a page stays, with a notice, because replacing it with an error would throw away what
 * the user is reading and any draft they are typing. Only a run that never loaded gets the error page.
 */
export function runPageView({ hasData, isError }: { hasData: boolean; isError: boolean }): RunPageView {
  if (hasData) return "run";
  return isError ? "load-error" : "loading";
}
