import type { ApiClient } from "./api-client.js";
import { BASE_TIME } from "./generators.js";
import { execOnFile } from "./sqlite-file.js";

/**
 * The experiment-search fixture, for a fresh database (experiment ids are then 1..6 in this order,
 * after "Default" = 0). Created through the API; creation_time and last_update_time are then set
 * on the file, because the API stamps them with the clock (offsets from BASE_TIME).
 *
 * | experiment    | id | created | updated | tags                               | stage   |
 * |---------------|----|---------|---------|------------------------------------|---------|
 * | Default       | 0  | 0       | 0       | —                                  | active  |
 * | alpha-churn   | 1  | 10      | 100     | team ds, `my key` x                | active  |
 * | Alpha-Fraud   | 2  | 20      | 50      | team DS                            | active  |
 * | beta_churn    | 3  | 20      | 300     | team ml, data.version v1           | active  |
 * | gamma         | 4  | 30      | 30      | —                                  | active  |
 * | delta-churn   | 5  | 40      | 400     | team ds                            | deleted |
 * | Epsilon       | 6  | 5       | 500     | `my key` y                         | active  |
 */
export interface SearchExperimentSpec {
  readonly name: string;
  readonly created: number;
  readonly updated: number;
  readonly tags?: Readonly<Record<string, string>>;
  readonly deleted?: boolean;
}

export const SEARCH_EXPERIMENTS: readonly SearchExperimentSpec[] = [
  { name: "alpha-churn", created: 10, updated: 100, tags: { team: "ds", "my key": "x" } },
  { name: "Alpha-Fraud", created: 20, updated: 50, tags: { team: "DS" } },
  { name: "beta_churn", created: 20, updated: 300, tags: { team: "ml", "data.version": "v1" } },
  { name: "gamma", created: 30, updated: 30 },
  { name: "delta-churn", created: 40, updated: 400, tags: { team: "ds" }, deleted: true },
  { name: "Epsilon", created: 5, updated: 500, tags: { "my key": "y" } },
];

export interface SearchExperimentsFixture {
  /** Experiment id by name ("Default" included). */
  idOf(name: string): string;
  nameOf(experimentId: string): string;
}

/** Creates SEARCH_EXPERIMENTS through the API on a fresh database and pins their times on `dbFile`. */
export async function buildSearchExperimentsFixture(api: ApiClient, dbFile: string): Promise<SearchExperimentsFixture> {
  const ids = new Map<string, string>([["Default", "0"]]);
  for (const spec of SEARCH_EXPERIMENTS) {
    const tags = Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value }));
    const { experiment_id } = await api.ok("createExperiment", { name: spec.name, tags });
    ids.set(spec.name, experiment_id);
    if (spec.deleted === true) await api.ok("deleteExperiment", { experiment_id });
  }
  const times: readonly (readonly [string, number, number])[] = [["Default", 0, 0], ...SEARCH_EXPERIMENTS.map((s) => [s.name, s.created, s.updated] as const)];
  for (const [name, created, updated] of times) {
    execOnFile(dbFile, "UPDATE experiments SET creation_time = ?, last_update_time = ? WHERE name = ?", BASE_TIME + created, BASE_TIME + updated, name);
  }
  const names = new Map([...ids].map(([name, id]) => [id, name] as const));
  return {
    idOf: (name) => {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`no fixture experiment named ${name}`);
      return id;
    },
    nameOf: (experimentId) => {
      const name = names.get(experimentId);
      if (name === undefined) throw new Error(`experiment ${experimentId} is not part of the fixture`);
      return name;
    },
  };
}
