import type { ReactNode } from "react";
import { SystemTags, type Run } from "../../../core/index.js";
import { StatusBadge } from "../../components/status-badge.js";
import { TimeText } from "../../components/time-text.js";
import { formatDuration, runDuration } from "../../utils/format.js";
import { runTag, runUser } from "../../utils/run-tag.js";
import { Card } from "../../components/card.js";
import { ChildRuns } from "./child-runs.js";
import { CopyButton } from "./copy-button.js";
import { ParentRunLink } from "./parent-run-link.js";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children ?? <span className="faint">—</span>}</dd>
    </div>
  );
}

/** Only web links become anchors; anything else (ssh remotes, paths) stays text. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function RunOverview({ run }: { run: Run }) {
  const { info } = run;
  const source = runTag(run, SystemTags.SOURCE_NAME);
  const sourceType = runTag(run, SystemTags.SOURCE_TYPE);
  const commit = runTag(run, SystemTags.GIT_COMMIT);
  const branch = runTag(run, SystemTags.GIT_BRANCH);
  const repo = runTag(run, SystemTags.GIT_REPO_URL);
  const parentId = runTag(run, SystemTags.PARENT_RUN_ID);
  return (
    <Card id="overview" title="Overview" className="overview">
      <dl className="fields" data-testid="overview">
        <Field label="Status">
          <StatusBadge status={info.status} />
          {info.lifecycle_stage === "deleted" && <span className="badge badge-danger">deleted</span>}
        </Field>
        <Field label="Run ID">
          <span className="run-id-field">
            <span className="mono" data-testid="run-id">
              {info.run_id}
            </span>
            <CopyButton value={info.run_id} label="Copy run ID" />
          </span>
        </Field>
        <Field label="Started">
          <TimeText ms={info.start_time} />
        </Field>
        <Field label="Ended">{info.end_time ? <TimeText ms={info.end_time} /> : <span className="muted">{info.status === "RUNNING" ? "still running" : "—"}</span>}</Field>
        <Field label="Duration">{formatDuration(runDuration(info.start_time, info.end_time))}</Field>
        <Field label="User">{runUser(run)}</Field>
        <Field label="Source">
          {source ? (
            <span className="mono" title={source}>
              {source}
              {sourceType && <span className="faint"> ({sourceType})</span>}
            </span>
          ) : undefined}
        </Field>
        <Field label="Git commit">
          {commit ? (
            <span className="mono" title={commit}>
              {commit.slice(0, 10)}
              {branch && <span className="faint"> on {branch}</span>}
              {repo &&
                (isWebUrl(repo) ? (
                  <>
                    {" "}
                    <a href={repo} target="_blank" rel="noopener noreferrer nofollow">
                      repository
                    </a>
                  </>
                ) : (
                  <span className="faint"> {repo}</span>
                ))}
            </span>
          ) : undefined}
        </Field>
        <Field label="Parent run">{parentId ? <ParentRunLink parentId={parentId} experimentId={info.experiment_id} /> : undefined}</Field>
        <Field label="Artifact URI">
          <span className="mono">{info.artifact_uri}</span>
        </Field>
      </dl>
      <ChildRuns run={run} />
    </Card>
  );
}
