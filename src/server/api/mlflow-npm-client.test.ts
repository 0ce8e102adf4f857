import mlflowModule from "mlflow";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { BASE_TIME, DOUBLE_MAX, metricHistory, RUN_NAME_PATTERN, uniqueName } from "../../test-support/generators.js";

/**
 * The npm package `mlflow` (2.0.7) is an independent Node client of MLflow's REST API. It speaks to
 * a real listening Tracklet server here, exactly as it would to `mlflow server`.
 */
// The package is CommonJS with `module.exports = MLflow`, while its typings declare `export default`:
// at run time the default import is the class itself.
type MLflowClass = typeof mlflowModule extends { default: infer C } ? C : typeof mlflowModule;
const MLflow = ((mlflowModule as { default?: unknown }).default ?? mlflowModule) as MLflowClass;

let t: TestApp;
let client: InstanceType<MLflowClass>;
beforeAll(async () => {
  t = await createTestApp();
  const { baseUrl } = await t.listen();
  client = new MLflow({ endpoint: baseUrl });
  // The client logs every POST body to the console.
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
});

describe("the mlflow npm client against a listening Tracklet", () => {
  it("creates an experiment and a run, logs metrics, params and tags, reads them back and finishes the run", async () => {
    const name = uniqueName("npm-client");
    const { experiment_id } = await client.Experiments.create({ name, artifact_location: undefined as unknown as string });
    expect(experiment_id).toMatch(/^\d+$/);
    const { experiment } = await client.Experiments.get({ experiment_id });
    expect(experiment).toMatchObject({ experiment_id, name, artifact_location: `mlflow-artifacts:/${experiment_id}`, lifecycle_stage: "active" });

    const { run } = await client.Runs.create({ experiment_id, user_id: "npm-user", start_time: BASE_TIME, tags: [{ key: "mlflow.source.type", value: "LOCAL" }] });
    const runId = run.info.run_id;
    expect(run.info).toMatchObject({ experiment_id, user_id: "npm-user", status: "RUNNING", start_time: BASE_TIME, lifecycle_stage: "active" });
    expect((run.info as { run_name?: string }).run_name).toMatch(RUN_NAME_PATTERN);

    for (const point of metricHistory("loss", 5)) await client.Runs.logMetric({ run_id: runId, ...point });
    await client.Runs.logParameter({ run_id: runId, key: "learning rate", value: "0.01" });
    await client.Runs.setTag({ run_id: runId, key: "team", value: "vision ✓" });
    await client.Runs.logBatch({
      run_id: runId,
      metrics: metricHistory("val.acc", 3, { value: (s) => 0.5 + s / 10 }),
      params: [{ key: "optimizer", value: "adam" }],
      tags: [{ key: "mlflow.runName", value: "npm-run" }],
    });
    await client.Runs.setTag({ run_id: runId, key: "temporary", value: "x" });
    await client.Runs.deleteTag({ run_id: runId, key: "temporary" });

    const fetched = (await client.Runs.get({ run_id: runId })).run;
    expect((fetched.info as { run_name?: string }).run_name).toBe("npm-run");
    expect(fetched.data.params).toEqual([
      { key: "learning rate", value: "0.01" },
      { key: "optimizer", value: "adam" },
    ]);
    expect(fetched.data.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "vision ✓" },
        { key: "mlflow.runName", value: "npm-run" },
        { key: "mlflow.source.type", value: "LOCAL" },
      ]) as unknown,
    );
    expect(fetched.data.tags.map((tag) => tag.key)).not.toContain("temporary");
    // One latest value per key.
    expect(fetched.data.metrics).toEqual([
      { key: "loss", value: 1 / 5, timestamp: BASE_TIME + 4000, step: 4 },
      { key: "val.acc", value: 0.5 + 2 / 10, timestamp: BASE_TIME + 2000, step: 2 },
    ]);

    const { metrics } = await client.Metrics.getHistory({ run_id: runId, metric_key: "loss" });
    expect(metrics).toEqual(metricHistory("loss", 5));

    const { runs } = await client.Runs.search({ experiment_ids: [experiment_id], max_results: 10 });
    expect(runs.map((r) => r.info.run_id)).toEqual([runId]);

    const { run_info } = await client.Runs.update({ run_id: runId, status: "FINISHED" as never, end_time: BASE_TIME + 60_000 });
    expect(run_info).toMatchObject({ run_id: runId, status: "FINISHED", end_time: BASE_TIME + 60_000 });
    expect((await client.Runs.get({ run_id: runId })).run.info).toMatchObject({ status: "FINISHED", end_time: BASE_TIME + 60_000 });
  });

  it("stores ±Infinity sent as a string as ±max double; a bare Infinity (JSON null) is refused, not stored as 0", async () => {
    const { run } = await client.Runs.create({ experiment_id: "0", user_id: "", start_time: BASE_TIME });
    // The client's JSON.stringify turns Infinity into null: a missing required value.
    await expect(client.Runs.logMetric({ run_id: run.info.run_id, key: "inf", value: Infinity, timestamp: BASE_TIME })).rejects.toThrow(
      /"status":400.*Missing value for required parameter 'value'/,
    );
    await client.Runs.logMetric({ run_id: run.info.run_id, key: "inf", value: "Infinity" as unknown as number, timestamp: BASE_TIME });
    const fetched = (await client.Runs.get({ run_id: run.info.run_id })).run;
    expect(fetched.data.metrics).toEqual([{ key: "inf", value: DOUBLE_MAX, timestamp: BASE_TIME, step: 0 }]);
  });

  it("deletes and restores runs and experiments, and surfaces MLflow errors to the client", async () => {
    const { experiment_id } = await client.Experiments.create({ name: uniqueName("npm-lifecycle"), artifact_location: undefined as unknown as string });
    const { run } = await client.Runs.create({ experiment_id, user_id: "", start_time: BASE_TIME });
    await client.Runs.delete({ run_id: run.info.run_id });
    expect((await client.Runs.get({ run_id: run.info.run_id })).run.info.lifecycle_stage).toBe("deleted");
    await expect(client.Runs.logMetric({ run_id: run.info.run_id, key: "m", value: 1, timestamp: BASE_TIME })).rejects.toThrow(/"status":400.*INVALID_PARAMETER_VALUE/);
    await client.Runs.restore({ run_id: run.info.run_id });
    await client.Experiments.update({ experiment_id, new_name: uniqueName("npm-renamed") });
    await client.Experiments.delete({ experiment_id });
    expect((await client.Experiments.get({ experiment_id })).experiment.lifecycle_stage).toBe("deleted");
    await client.Experiments.restore({ experiment_id });
    expect((await client.Runs.get({ run_id: run.info.run_id })).run.info.lifecycle_stage).toBe("active");
    await expect(client.Runs.get({ run_id: "0".repeat(32) })).rejects.toThrow(/"status":404.*RESOURCE_DOES_NOT_EXIST/);
    // MLflow 2.x removed experiments/list, which this old client still offers.
    await expect(client.Experiments.list()).rejects.toThrow(/"status":404.*ENDPOINT_NOT_FOUND/);
  });
});
