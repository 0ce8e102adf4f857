import { Link, useRouteError } from "react-router";
import { ErrorBanner } from "../components/error-banner.js";
import { paths } from "../config/paths.js";
import { isChunkLoadError } from "./is-chunk-load-error.js";

/** Last-resort boundary: a render error shows its message instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isChunkLoadError(error)) {
    return (
      <div className="page">
        <div className="state" role="alert">
          <div className="state-title">Tracklet was updated</div>
          <div>This page was opened with an earlier version. Reload to get the new one.</div>
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="page">
      <ErrorBanner title="Something went wrong" error={error} />
      <Link to={paths.experiments.href()}>Back to experiments</Link>
    </div>
  );
}
