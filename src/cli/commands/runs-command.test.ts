import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestClient } from "../../client/rest-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { unusedPort } from "../../sdk/testing/unused-port.js";
import { captureCli } from "../testing/capture-cli.js";

describe("tracklet runs against a live server", () => {
  let t: TestApp;
  let uri: string;
  let api: RestClient;
  let experimentId: string;
  let runIds: string[];
  const cli = (...argv: string[]): ReturnType<typeof captureCli> => captureCli(...argv, "--tracking-uri", uri);

  beforeAll(async () => {
    t = await createTestApp();
    uri = (await t.listen()).baseUrl;
    api = new RestClient({ baseUrl: uri });
    experimentId = (await api.call("createExperiment", { name: uniqueName("cli-runs") })).experiment_id;
    runIds = [];
    for (const [i, name] of ["first", "second"].entries()) {
      const run = (await api.call("createRun", { experiment_id: experimentId, run_name: name, start_time: 1_700_000_000_000 + i * 1000 })).run;
      runIds.push(run.info.run_id);
    }
    const [first] = runIds as [string, string];
    await api.call("logBatch", {
      run_id: first,
      params: [{ key: "lr", value: "0.1" }],
      metrics: [
        { key: "loss", value: 0.5, timestamp: 1_700_000_000_100, step: 0 },
        { key: "loss", value: 0.25, timestamp: 1_700_000_000_200, step: 1 },
        { key: "nan", value: NaN, timestamp: 1_700_000_000_200, step: 0 },
      ],
      tags: [{ key: "team", value: "ml" }],
    });
    await api.call("updateRun", { run_id: first, status: "FINISHED", end_time: 1_700_000_090_000 });
  });

  afterAll(async () => {
    await t.close();
  });

  it("list shows the runs newest first as a table", async () => {
    const { code, stdout, stderr } = await cli("runs", "list", "--experiment-id", experimentId);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Date\s+Name\s+Run Id\s+Status\s+Duration$/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+second\\s+${runIds[1]}\\s+RUNNING$`));
    expect(lines[3]).toMatch(new RegExp(`\\s+first\\s+${runIds[0]}\\s+FINISHED\\s+1\\.5min$`));
  });

  it("list --json prints Run entities; an empty experiment says so", async () => {
    const runs = JSON.parse((await cli("runs", "list", "-x", experimentId, "--json")).stdout) as { info: { run_id: string }; data: { params: object } }[];
    expect(runs.map((r) => r.info.run_id)).toEqual([runIds[1], runIds[0]]);
    expect(runs[1]?.data.params).toEqual({ lr: "0.1" });
    const empty = (await api.call("createExperiment", { name: uniqueName("empty") })).experiment_id;
    expect((await cli("runs", "list", "-x", empty)).stdout).toBe(`No runs in experiment ${empty}.\n`);
  });

  it("describe shows info, params, latest metrics and tags; --json the run, NaN as \"NaN\"", async () => {
    const { code, stdout } = await cli("runs", "describe", "--run-id", runIds[0] as string);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Run Id: +${runIds[0]}\\nName: +first\\nExperiment Id: +${experimentId}\\nStatus: +FINISHED\\n`));
    expect(stdout).toMatch(/\nParams:\nKey +Value\n-+ +-+\nlr +0\.1\n/);
    expect(stdout).toMatch(/\nMetrics:\nKey +Value\n-+ +-+\nloss +0\.25\nnan +NaN\n/);
    expect(stdout).toMatch(/\nTags:\nKey +Value\n[\s\S]*team +ml\n/);
    const json = JSON.parse((await cli("runs", "describe", "-r", runIds[0] as string, "--json")).stdout) as { info: object; data: object };
    expect(json.info).toMatchObject({ run_id: runIds[0], status: "FINISHED", run_name: "first" });
    expect(json.data).toMatchObject({ params: { lr: "0.1" }, metrics: { loss: 0.25, nan: "NaN" } });
  });

  it("delete and restore a run", async () => {
    const id = runIds[1] as string;
    expect(await cli("runs", "delete", "--run-id", id)).toEqual({ code: 0, stdout: `Deleted run ${id}\n`, stderr: "" });
    expect((await api.call("getRun", { run_id: id })).run.info.lifecycle_stage).toBe("deleted");
    expect((await cli("runs", "list", "-x", experimentId)).stdout).not.toContain(id);
    expect((await cli("runs", "list", "-x", experimentId, "--view", "deleted_only")).stdout).toContain(id);
    expect(JSON.parse((await cli("runs", "restore", "-r", id, "--json")).stdout)).toEqual({ run_id: id, lifecycle_stage: "active" });
    expect((await api.call("getRun", { run_id: id })).run.info.lifecycle_stage).toBe("active");
  });

  it("an unknown run exits 1 with the server's message", async () => {
    const missing = "0123456789abcdef0123456789abcdef";
    expect(await cli("runs", "describe", "-r", missing)).toEqual({ code: 1, stdout: "", stderr: `error: Run with id=${missing} not found (RESOURCE_DOES_NOT_EXIST)\n` });
    expect((await cli("runs", "delete", "-r", missing)).code).toBe(1);
  });

  it("takes the experiment from MLFLOW_EXPERIMENT_ID when --experiment-id is absent", async () => {
    const previous = process.env.MLFLOW_EXPERIMENT_ID;
    process.env.MLFLOW_EXPERIMENT_ID = experimentId;
    try {
      expect((await cli("runs", "list")).stdout).toContain(runIds[0]);
    } finally {
      if (previous === undefined) delete process.env.MLFLOW_EXPERIMENT_ID;
      else process.env.MLFLOW_EXPERIMENT_ID = previous;
    }
  });

  it("an unreachable server exits 1", async () => {
    const port = await unusedPort();
    const result = await captureCli("runs", "list", "-x", "0", "--tracking-uri", `http://127.0.0.1:${port}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error: Could not reach http://127\\.0\\.0\\.1:${port}/`));
  });
});
