import { Link } from "react-router";
import { EmptyState } from "../components/empty-state.js";
import { paths } from "../config/paths.js";

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState title="Page not found">
        <Link to={paths.experiments.href()}>Go to experiments</Link>
      </EmptyState>
    </div>
  );
}
