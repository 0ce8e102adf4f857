import type { Command } from "commander";
import type { ViewType } from "../../core/index.js";
import type { CliIo } from "../support/cli-io.js";
import { addTrackingOptions, parsePositiveInt, parseView, withClient, type TrackingOptions } from "../support/command-options.js";
import { formatJson, formatTable, formatTime } from "../support/format-table.js";

interface SearchOptions extends TrackingOptions {
  view: ViewType;
  maxResults?: number;
  filter?: string;
}

/** `tracklet experiments create|search|rename|delete|restore`, as `mlflow experiments`. */
export function registerExperimentsCommand(program: Command, io: CliIo): void {
  const experiments = program.command("experiments").description("Create, search, rename, delete and restore experiments");

  addTrackingOptions(
    experiments
      .command("create")
      .description("Create an experiment")
      .requiredOption("-n, --experiment-name <name>", "name of the new experiment")
      .option("-l, --artifact-location <uri>", "where its runs store artifacts (default: the store's artifact root)"),
  ).action(async (options: TrackingOptions & { experimentName: string; artifactLocation?: string }) => {
    const id = await withClient(options, (client) =>
      client.createExperiment(options.experimentName, options.artifactLocation ? { artifactLocation: options.artifactLocation } : {}),
    );
    io.out(options.json ? formatJson({ experiment_id: id }) : `Created experiment '${options.experimentName}' with id ${id}\n`);
  });

  addTrackingOptions(
    experiments
      .command("search")
      .description("List experiments")
      .option("-v, --view <view>", "active_only, deleted_only or all", parseView, "ACTIVE_ONLY")
      .option("--max-results <n>", "at most this many experiments", parsePositiveInt)
      .option("--filter <filter>", "MLflow filter string, e.g. \"name LIKE 'prod%'\""),
  ).action(async (options: SearchOptions) => {
    const found = await withClient(options, async (client) => {
      const all = [];
      let pageToken: string | undefined;
      do {
        const remaining = options.maxResults === undefined ? 1000 : Math.min(1000, options.maxResults - all.length);
        const page = await client.searchExperiments({ viewType: options.view, maxResults: remaining, ...(options.filter ? { filterString: options.filter } : {}), ...(pageToken ? { pageToken } : {}) });
        all.push(...page);
        pageToken = page.token;
      } while (pageToken && (options.maxResults === undefined || all.length < options.maxResults));
      return all;
    });
    if (options.json) return io.out(formatJson(found));
    if (found.length === 0) return io.out("No experiments found.\n");
    io.out(
      formatTable(
        ["Experiment Id", "Name", "Lifecycle Stage", "Created", "Artifact Location"],
        found.map((e) => [e.experiment_id, e.name, e.lifecycle_stage, formatTime(e.creation_time), e.artifact_location]),
      ),
    );
  });

  addTrackingOptions(
    experiments
      .command("rename")
      .description("Rename an experiment")
      .requiredOption("-x, --experiment-id <id>", "experiment to rename")
      .requiredOption("--new-name <name>", "its new name"),
  ).action(async (options: TrackingOptions & { experimentId: string; newName: string }) => {
    await withClient(options, (client) => client.renameExperiment(options.experimentId, options.newName));
    io.out(options.json ? formatJson({ experiment_id: options.experimentId, name: options.newName }) : `Renamed experiment ${options.experimentId} to '${options.newName}'\n`);
  });

  for (const [verb, stage, done] of [
    ["delete", "deleted", "Deleted"],
    ["restore", "active", "Restored"],
  ] as const) {
    addTrackingOptions(
      experiments
        .command(verb)
        .description(verb === "delete" ? "Mark an experiment (and its runs) deleted; restore undoes it" : "Restore a deleted experiment")
        .requiredOption("-x, --experiment-id <id>", `experiment to ${verb}`),
    ).action(async (options: TrackingOptions & { experimentId: string }) => {
      await withClient(options, (client) => (verb === "delete" ? client.deleteExperiment(options.experimentId) : client.restoreExperiment(options.experimentId)));
      io.out(options.json ? formatJson({ experiment_id: options.experimentId, lifecycle_stage: stage }) : `${done} experiment ${options.experimentId}\n`);
    });
  }
}
