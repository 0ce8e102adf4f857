import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { paths } from "../../config/paths.js";

/** The parent's name once it is known (usually cached from the table); its id until then. */
export function ParentRunLink({ parentId, experimentId }: { parentId: string; experimentId: string }) {
  const parent = useQuery(runQueryOptions(parentId));
  const target = parent.data?.info.experiment_id ?? experimentId;
  return (
    <Link to={paths.run.href({ experimentId: target, runId: parentId })} data-testid="parent-run-link">
      {parent.data?.info.run_name || parentId}
    </Link>
  );
}
