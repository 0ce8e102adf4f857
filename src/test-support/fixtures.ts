import type { Run } from "../core/index.js";
import type { ApiClient, WireRequest } from "./api-client.js";
import { BASE_TIME, uniqueName } from "./generators.js";

/** Creates an experiment with a unique name and returns its id. */
export async function newExperiment(api: ApiClient, request: WireRequest<"createExperiment"> = {}): Promise<string> {
  return (await api.ok("createExperiment", { name: uniqueName(), ...request })).experiment_id;
}

/** Creates a run (in a fresh experiment unless one is given) and returns it as runs/create answered. */
export async function newRun(api: ApiClient, request: WireRequest<"createRun"> = {}): Promise<Run> {
  const experiment_id = request.experiment_id ?? (await newExperiment(api));
  return (await api.ok("createRun", { start_time: BASE_TIME, ...request, experiment_id })).run;
}
