import { Link, useRouteError } from "react-router";
import { ErrorBanner } from "../components/error-banner.js";
import { paths } from "../config/paths.js";

/** Last-resort boundary: a render error shows its message instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  return (
    <div className="page">
      <ErrorBanner title="Something went wrong" error={error} />
      <Link to={paths.experiments.href()}>Back to experiments</Link>
    </div>
  );
}
