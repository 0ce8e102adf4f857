import { beforeEach, describe, expect, it, vi } from "vitest";
import { MlflowError, type Run } from "../../../core/index.js";

/** The server stand-in: which runs exist (id → experiment), whether it knows `run_id IN`, what it was asked. */
const server = vi.hoisted(() => ({
  runs: new Map<string, string>(),
  supportsIn: true,
  /** Rows per page the server sends at most, whatever max_results asks. */
  pageCap: Infinity,
  calls: [] as { name: string; request: Record<string, unknown> }[],
}));

vi.mock("../../lib/api-client.js", () => ({
  apiClient: {
    call: (name: string, request: Record<string, unknown>) => {
      server.calls.push({ name, request });
      const make = (id: string): Run => ({
        info: { run_id: id, run_uuid: id, run_name: id, experiment_id: server.runs.get(id) ?? "", user_id: "", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: "active" },
        data: { metrics: [], params: [], tags: [] },
        inputs: { dataset_inputs: [] },
      });
      if (name === "getRun") {
        const id = String(request.run_id);
        return server.runs.has(id) ? Promise.resolve({ run: make(id) }) : Promise.reject(new MlflowError("RESOURCE_DOES_NOT_EXIST", `Run '${id}' not found`));
      }
      if (!server.supportsIn) return Promise.reject(new MlflowError("INVALID_PARAMETER_VALUE", "Invalid filter"));
      const wanted = [...String(request.filter).matchAll(/'([^']+)'/g)].map((m) => m[1] ?? "");
      const experiments = request.experiment_ids as string[];
      const matches = wanted.filter((id) => experiments.includes(server.runs.get(id) ?? "-"));
      // A token after every full page, as MLflow sends; a capped server sends one while rows remain.
      const offset = Number(request.page_token ?? 0);
      const size = Math.min(Number(request.max_results), server.pageCap);
      const page = matches.slice(offset, offset + size);
      return Promise.resolve({ runs: page.map(make), ...(page.length === size ? { next_page_token: String(offset + size) } : {}) });
    },
  },
}));

const { loadComparedRuns, runIdFilter } = await import("./compare-runs-query.js");

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
const count = (name: string) => server.calls.filter((c) => c.name === name).length;

beforeEach(() => {
  server.runs.clear();
  server.supportsIn = true;
  server.pageCap = Infinity;
  server.calls = [];
});

describe("loadComparedRuns", () => {
  it("loads 150 runs with two searches and no get-run, in the order asked", async () => {
    const wanted = ids(150, "a");
    for (const id of wanted) server.runs.set(id, "1");
    const result = await loadComparedRuns([...wanted].reverse(), ["1"]);
    expect(result.runs.map((r) => r.info.run_id)).toEqual([...wanted].reverse());
    expect(count("searchRuns")).toBe(2);
    expect(count("getRun")).toBe(0);
    expect(server.calls[0]?.request).toMatchObject({ run_view_type: "ALL", max_results: 100, experiment_ids: ["1"] });
  });

  it("gets runs the search did not return (another experiment) one by one, and reports the missing", async () => {
    server.runs.set("a1", "1");
    server.runs.set("b1", "2");
    const result = await loadComparedRuns(["a1", "b1", "gone"], ["1"]);
    expect(result.runs.map((r) => r.info.run_id)).toEqual(["a1", "b1"]);
    expect(result.failures.map((f) => f.runId)).toEqual(["gone"]);
    expect(server.calls.filter((c) => c.name === "getRun").map((c) => c.request.run_id)).toEqual(["b1", "gone"]);
  });

  it("falls back to get-run for every id when the server refuses the filter or no experiment is known", async () => {
    for (const id of ["a1", "a2"]) server.runs.set(id, "1");
    server.supportsIn = false;
    expect((await loadComparedRuns(["a1", "a2"], ["1"])).runs).toHaveLength(2);
    expect(count("getRun")).toBe(2);
    server.calls = [];
    server.supportsIn = true;
    expect((await loadComparedRuns(["a1", "a2"], [])).runs).toHaveLength(2);
    expect(count("searchRuns")).toBe(0);
  });

  it("follows page tokens when a server pages below max_results", async () => {
    const wanted = ids(5, "p");
    for (const id of wanted) server.runs.set(id, "1");
    server.pageCap = 2;
    const result = await loadComparedRuns(wanted, ["1"]);
    expect(result.runs).toHaveLength(5);
    expect(count("searchRuns")).toBe(3);
    expect(count("getRun")).toBe(0);
  });

  it("throws the server's error when no run could be loaded", async () => {
    await expect(loadComparedRuns(["nope"], ["1"])).rejects.toThrow("Run 'nope' not found");
  });

  it("writes MLflow's IN filter", () => {
    expect(runIdFilter(["ab", "cd"])).toBe("attributes.run_id IN ('ab', 'cd')");
  });
});
