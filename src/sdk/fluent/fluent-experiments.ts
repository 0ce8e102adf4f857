import { MlflowError, type ViewType } from "../../core/index.js";
import type { SearchExperimentsOptions } from "../client/mlflow-client.js";
import type { Experiment } from "../entities/sdk-entities.js";
import { getOrCreateExperiment, session } from "./fluent-session.js";

/** Creates an experiment and returns its id. */
export async function createExperiment(name: string, options: { artifactLocation?: string; tags?: Readonly<Record<string, unknown>> } = {}): Promise<string> {
  session.throwPendingFailure();
  return session.client().createExperiment(name, options);
}

/**
 * Makes an experiment the active one (by name, created when missing, or by id) for runs started
 * afterwards in this process and, through MLFLOW_EXPERIMENT_ID, in child processes.
 */
export async function setExperiment(nameOrOptions: string | { experimentName?: string; experimentId?: string }): Promise<Experiment> {
  session.throwPendingFailure();
  const { experimentName, experimentId } = typeof nameOrOptions === "string" ? { experimentName: nameOrOptions, experimentId: undefined } : nameOrOptions;
  if ((experimentName === undefined) === (experimentId === undefined)) {
    throw MlflowError.invalidParameter("Must specify exactly one of: `experimentId` or `experimentName`.");
  }
  const client = session.client();
  let experiment: Experiment | undefined;
  if (experimentId !== undefined) {
    experiment = await client.getExperiment(experimentId).catch((error: unknown) => {
      if (error instanceof MlflowError && error.errorCode === "RESOURCE_DOES_NOT_EXIST") {
        throw MlflowError.notFound(`Experiment with ID '${experimentId}' does not exist.`);
      }
      throw error;
    });
  } else {
    const name = experimentName as string;
    experiment = await client.getExperimentByName(name);
    experiment ??= await client.getExperiment(await getOrCreateExperiment(client, name));
  }
  if (experiment.lifecycle_stage === "deleted") {
    throw MlflowError.invalidParameter(
      `Cannot set a deleted experiment '${experiment.name}' as the active experiment. You can restore the experiment, or permanently delete the experiment to create a new one.`,
    );
  }
  session.setActiveExperiment(experiment.experiment_id);
  return experiment;
}

export async function getExperiment(experimentId: string): Promise<Experiment> {
  session.throwPendingFailure();
  return session.client().getExperiment(experimentId);
}

/** `undefined` when there is no experiment of that name. */
export async function getExperimentByName(name: string): Promise<Experiment | undefined> {
  session.throwPendingFailure();
  return session.client().getExperimentByName(name);
}

export async function deleteExperiment(experimentId: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().deleteExperiment(experimentId);
}

export interface FluentSearchExperimentsOptions extends Omit<SearchExperimentsOptions, "pageToken"> {
  viewType?: ViewType;
}

/** Every matching experiment (all pages), up to `maxResults`. */
export async function searchExperiments(options: FluentSearchExperimentsOptions = {}): Promise<Experiment[]> {
  session.throwPendingFailure();
  const client = session.client();
  const limit = options.maxResults ?? Number.POSITIVE_INFINITY;
  const out: Experiment[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.searchExperiments({ ...options, maxResults: Math.min(1000, limit - out.length), ...(pageToken ? { pageToken } : {}) });
    out.push(...page);
    pageToken = page.token;
  } while (pageToken && out.length < limit);
  return out;
}
