import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Run } from "../../../core/index.js";
import { artifactKeys } from "../../api/artifacts/artifact-keys.js";
import { artifactListQueryOptions } from "../../api/artifacts/artifact-queries.js";
import { isLiveStatus, LIVE_REFRESH_MS } from "../../api/runs/live-status.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { Card } from "../../components/card.js";
import { ArtifactPreview } from "./artifact-preview.js";
import { ancestorPaths, flattenTree, openFolders, parentPath, withExpanded, type FolderListing } from "./artifact-tree.js";
import { ArtifactTreeView } from "./artifact-tree-view.js";
import { unopenableReason } from "./unopenable-reason.js";
import { useArtifactSelection } from "./use-artifact-selection.js";
import "./run-artifacts.css";

/**
 * In a narrow window the preview sits under the tree, maybe below the fold: a selection that would
 * change nothing on screen brings it up.
 */
function revealPreview(section: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const preview = section?.querySelector<HTMLElement>('[data-testid="artifact-preview"]');
    if (preview && preview.getBoundingClientRect().top > window.innerHeight - 48) preview.scrollIntoView({ block: "nearest" });
  });
}

/**
 * The run's artifacts, as MLflow's UI shows them: a tree of files and folders (each folder listed
 * when first opened, one `artifacts/list` per folder) and a preview of the selected file beside it.
 * The selection lives in the URL (`?artifact=`): a link or a reload opens the file with its folders.
 * While the run is live (RUNNING, SCHEDULED) the open folders are listed again on the charts' beat,
 * so files it logs appear; once it is seen finished they are listed one last time, then left.
 */
export function RunArtifacts({ run }: { run: Run }) {
  const runId = run.info.run_id;
  const queryClient = useQueryClient();
  const [selected, select] = useArtifactSelection();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(selected ? ancestorPaths(selected) : []));
  // A selection that arrives by URL (a link, Back) opens the folders it is in.
  useEffect(() => {
    if (selected) setExpanded((current) => withExpanded(current, ancestorPaths(selected)));
  }, [selected]);

  const live = isLiveStatus(run.info.status);
  // A folder the server would refuse to list (a `#` in its name) is not asked: the tree says why.
  const folders = useMemo(() => openFolders(expanded).filter((path) => unopenableReason(path) === undefined), [expanded]);
  const results = useQueries({ queries: folders.map((path) => artifactListQueryOptions(runId, path, live ? LIVE_REFRESH_MS : undefined)) });
  const wasLive = useRef(live);
  useEffect(() => {
    // Files logged just before the run ended came after the last poll.
    if (wasLive.current && !live) void queryClient.invalidateQueries({ queryKey: artifactKeys.lists(runId) });
    wasLive.current = live;
  }, [live, queryClient, runId]);
  const root = results[0];
  const listings = new Map<string, FolderListing>(
    folders.map((path, i) => {
      const r = results[i];
      return [path, r?.isSuccess ? { status: "success", files: r.data.files } : r?.isError ? { status: "error", error: r.error } : { status: "pending" }];
    }),
  );
  const rows = root?.isSuccess ? flattenTree(listings, expanded) : [];

  // A link to a file scrolls the page to the browser once, when the file's row shows (or once it is
  // clear that it will not: the run has no such file, or the listing failed).
  const section = useRef<HTMLDivElement>(null);
  const revealed = useRef(selected === undefined);
  const selectedShown = rows.some((r) => r.type === "entry" && r.path === selected);
  const settled = root?.isError || (root?.isSuccess && (selectedShown || listings.get(parentPath(selected ?? ""))?.status !== "pending"));
  useEffect(() => {
    if (revealed.current || !settled) return;
    revealed.current = true;
    if (selectedShown) section.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
    section.current?.scrollIntoView({ block: "start" });
  }, [settled, selectedShown]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: artifactKeys.run(runId) });
  const rootUri = (root?.isSuccess ? root.data.rootUri : undefined) ?? run.info.artifact_uri;

  let body;
  if (!root || root.isPending) {
    body = (
      <div className="artifact-preview-state" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>Loading artifacts…</span>
      </div>
    );
  } else if (root.isError) {
    body = <ErrorBanner title="Could not list the artifacts" error={root.error} onRetry={() => void root.refetch()} />;
  } else if (root.data.files.length === 0) {
    body = (
      <div className="artifacts-empty" data-testid="artifacts-empty">
        <div className="state-title">No artifacts recorded for this run</div>
        <div>
          Files logged with <code>mlflow.log_artifact</code> appear here. Artifact URI: <span className="mono" data-testid="artifacts-root-uri">{rootUri}</span>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="artifacts-body">
        <div className="artifacts-tree-pane">
          <ArtifactTreeView
            rows={rows}
            selected={selected}
            onSelect={(path) => {
              select(path);
              revealPreview(section.current);
            }}
            onExpand={(path) => setExpanded((current) => withExpanded(current, [path]))}
            onCollapse={(path) =>
              setExpanded((current) => {
                const next = new Set(current);
                next.delete(path);
                return next;
              })
            }
            onRetry={(folder) => void queryClient.refetchQueries({ queryKey: artifactKeys.list(runId, folder) })}
          />
          <div className="artifacts-root-uri faint mono" title={rootUri}>
            {rootUri}
          </div>
        </div>
        <ArtifactPreview runId={runId} path={selected} live={live} />
      </div>
    );
  }

  return (
    <div ref={section} className="run-artifacts" data-testid="run-artifacts">
      <Card
        id="artifacts"
        title="Artifacts"
        actions={
          <button type="button" className="btn btn-small" onClick={refresh} disabled={root?.isFetching} title="List the artifacts again">
            Refresh
          </button>
        }
      >
        {body}
      </Card>
    </div>
  );
}
