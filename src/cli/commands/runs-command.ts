import type { Command } from "commander";
import type { ViewType } from "../../core/index.js";
import type { Run } from "../../sdk/index.js";
import type { CliIo } from "../support/cli-io.js";
import { addTrackingOptions, parsePositiveInt, parseView, withClient, type TrackingOptions } from "../support/command-options.js";
import { formatJson, formatTable, formatTime } from "../support/format-table.js";

function duration(run: Run): string {
  if (!run.info.end_time || !run.info.start_time) return "";
  const seconds = (run.info.end_time - run.info.start_time) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)}s` : seconds < 3600 ? `${(seconds / 60).toFixed(1)}min` : `${(seconds / 3600).toFixed(1)}h`;
}

function keyValueTable(title: string, values: Readonly<Record<string, string | number>>): string {
  const keys = Object.keys(values).sort();
  if (keys.length === 0) return `${title}: none\n`;
  return `${title}:\n${formatTable(["Key", "Value"], keys.map((k) => [k, String(values[k])]))}`;
}

/** The human-readable form of `runs describe`. */
export function describeRun(run: Run): string {
  const { info } = run;
  const fields: [string, string][] = [
    ["Run Id", info.run_id],
    ["Name", info.run_name],
    ["Experiment Id", info.experiment_id],
    ["Status", info.status],
    ["Lifecycle Stage", info.lifecycle_stage],
    ["User", info.user_id],
    ["Start Time", formatTime(info.start_time)],
    ["End Time", formatTime(info.end_time)],
    ["Duration", duration(run)],
    ["Artifact URI", info.artifact_uri],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  const header = fields.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`.trimEnd()).join("\n");
  const datasets = run.inputs.dataset_inputs.map((d) => `${d.dataset.name} (${d.dataset.digest})`);
  return [
    `${header}\n`,
    keyValueTable("Params", run.data.params),
    keyValueTable("Metrics", run.data.metrics),
    keyValueTable("Tags", run.data.tags),
    ...(datasets.length > 0 ? [`Datasets: ${datasets.join(", ")}\n`] : []),
  ].join("\n");
}

/** `tracklet runs list|describe|delete|restore`, as `mlflow runs`. */
export function registerRunsCommand(program: Command, io: CliIo): void {
  const runs = program.command("runs").description("List, describe, delete and restore runs");

  addTrackingOptions(
    runs
      .command("list")
      .description("List the runs of an experiment, newest first")
      .requiredOption("-x, --experiment-id <id>", "experiment whose runs to list (default $MLFLOW_EXPERIMENT_ID)", process.env.MLFLOW_EXPERIMENT_ID)
      .option("-v, --view <view>", "active_only, deleted_only or all", parseView, "ACTIVE_ONLY")
      .option("--max-results <n>", "at most this many runs", parsePositiveInt, 1000),
  ).action(async (options: TrackingOptions & { experimentId: string; view: ViewType; maxResults: number }) => {
    const found = await withClient(options, (client) => client.searchRuns([options.experimentId], { runViewType: options.view, maxResults: options.maxResults }));
    if (options.json) return io.out(formatJson([...found]));
    if (found.length === 0) return io.out(`No runs in experiment ${options.experimentId}.\n`);
    io.out(
      formatTable(
        ["Date", "Name", "Run Id", "Status", "Duration"],
        found.map((r) => [formatTime(r.info.start_time), r.info.run_name, r.info.run_id, r.info.status, duration(r)]),
      ),
    );
  });

  addTrackingOptions(runs.command("describe").description("Show a run: info, params, latest metrics, tags").requiredOption("-r, --run-id <id>", "run to show")).action(
    async (options: TrackingOptions & { runId: string }) => {
      const run = await withClient(options, (client) => client.getRun(options.runId));
      io.out(options.json ? formatJson(run) : describeRun(run));
    },
  );

  for (const [verb, stage, done] of [
    ["delete", "deleted", "Deleted"],
    ["restore", "active", "Restored"],
  ] as const) {
    addTrackingOptions(
      runs
        .command(verb)
        .description(verb === "delete" ? "Mark a run deleted; restore undoes it" : "Restore a deleted run")
        .requiredOption("-r, --run-id <id>", `run to ${verb}`),
    ).action(async (options: TrackingOptions & { runId: string }) => {
      await withClient(options, (client) => (verb === "delete" ? client.deleteRun(options.runId) : client.restoreRun(options.runId)));
      io.out(options.json ? formatJson({ run_id: options.runId, lifecycle_stage: stage }) : `${done} run ${options.runId}\n`);
    });
  }
}
