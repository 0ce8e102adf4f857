import BetterSqlite3 from "better-sqlite3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeJson, type Run } from "../../core/index.js";
import { awkwardRunData, BASE_TIME, datasetInput, DOUBLE_MAX, longString, metricsOf, paramsOf, tagsOf } from "../../test-support/generators.js";
import { openTrackingStore } from "../open-tracking-store.js";
import type { SearchRunsInput } from "../tracking-store.js";
import type { SqlTrackingStore } from "./sql-tracking-store.js";

// searchRunsJson renders runs in SQL (run-json-hydrator.ts); searchRuns builds objects that the
// server encodes with encodeJson. Both must describe the same runs, value for value, in the same order.
let dir: string;
let dbFile: string;
let store: SqlTrackingStore;
let experimentId: string;

const asWire = (run: Run): unknown => JSON.parse(encodeJson(run));

async function expectSameAnswer(input: SearchRunsInput): Promise<number> {
  const objects = await store.searchRuns(input);
  const texts = await store.searchRunsJson(input);
  expect(texts.items.map((text) => JSON.parse(text) as unknown)).toEqual(objects.items.map(asWire));
  expect(texts.next_page_token).toBe(objects.next_page_token);
  return texts.items.length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tracklet-run-json-"));
  dbFile = join(dir, "mlflow.db");
  ({ store } = await openTrackingStore({ backendStoreUri: dbFile, defaultArtifactRoot: "mlflow-artifacts:/" }));
  experimentId = await store.createExperiment({ name: "run-json" });
  const newRun = async (name: string, start = BASE_TIME): Promise<string> => (await store.createRun({ experiment_id: experimentId, run_name: name, start_time: start })).info.run_id;

  const extremes = await newRun("extremes", BASE_TIME + 5);
  await store.logBatch(extremes, {
    metrics: [
      { key: "nan", value: NaN, timestamp: BASE_TIME, step: 3 },
      { key: "inf", value: Infinity, timestamp: BASE_TIME, step: 0 },
      { key: "-inf", value: -Infinity, timestamp: BASE_TIME, step: 0 },
      { key: "max", value: DOUBLE_MAX, timestamp: BASE_TIME, step: 0 },
      { key: "tiny", value: 5e-324, timestamp: BASE_TIME, step: 0 },
      { key: "third", value: 1 / 3, timestamp: BASE_TIME, step: 2 ** 40 },
      { key: "int", value: 42, timestamp: BASE_TIME, step: -7 },
      { key: "zero", value: -0, timestamp: 0, step: 0 },
    ],
    // Keys logged out of key order: each list still comes back sorted by key.
    params: [
      { key: "z", value: 'quote " backslash \\ newline \n tab \t nul \u0000 bell \u0007' },
      { key: "m10", value: "emoji 📉 and é" },
      { key: "m2", value: longString(6000) },
      { key: "a", value: "" },
    ],
    tags: [{ key: "zz", value: "</script><script>alert(1)</script>" }, { key: "aa", value: "\u2028\u2029" }],
  });
  await store.updateRun(extremes, { status: "FINISHED", end_time: BASE_TIME + 99 });

  const awkward = await newRun("awkward", BASE_TIME + 4);
  await store.logBatch(awkward, awkwardRunData());
  await store.logInputs(awkward, [datasetInput("iris"), datasetInput("wine", "eval")]);

  const bare = await newRun("bare", BASE_TIME + 3);
  await store.deleteTag(bare, "mlflow.runName");

  const wide = await newRun("wide", BASE_TIME + 2);
  await store.logBatch(wide, { metrics: metricsOf(20), params: paramsOf(20), tags: tagsOf(10) });

  // What MLflow itself may leave behind: a run whose name lives only in its mlflow.runName tag
  // (MLflow ≤ 1.29 left the column empty) and a tag without a value.
  const legacy = await newRun("legacy-name", BASE_TIME + 1);
  const db = new BetterSqlite3(dbFile);
  db.prepare("UPDATE runs SET name = '' WHERE run_uuid = ?").run(legacy);
  db.prepare("INSERT INTO tags (key, value, run_uuid) VALUES ('empty', NULL, ?)").run(legacy);
  db.close();

  // More than one chunk of run ids (500) in one page.
  for (let i = 0; i < 520; i++) await newRun(`filler-${i}`, BASE_TIME - 1000 - i);
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("searchRunsJson", () => {
  it("renders NaN, ±Infinity, extreme and integral values, escapes and key order as encodeJson does", async () => {
    expect(await expectSameAnswer({ experiment_ids: [experimentId], max_results: 5 })).toBe(5);
    const [extremes] = (await store.searchRunsJson({ experiment_ids: [experimentId], max_results: 1 })).items;
    const parsed = JSON.parse(extremes ?? "{}") as { data: { metrics: { key: string; value: unknown }[]; params: { key: string }[] } };
    expect(parsed.data.params.map((p) => p.key)).toEqual(["a", "m10", "m2", "z"]);
    expect(Object.fromEntries(parsed.data.metrics.map((m) => [m.key, m.value]))).toMatchObject({ nan: "NaN", inf: DOUBLE_MAX, "-inf": -DOUBLE_MAX, max: DOUBLE_MAX });
  });

  it("leaves out empty lists and renders dataset inputs", async () => {
    const texts = (await store.searchRunsJson({ experiment_ids: [experimentId], max_results: 3 })).items;
    const bare = texts[2] ?? "";
    expect(JSON.parse(bare)).toMatchObject({ info: { run_name: "bare" }, data: {}, inputs: {} });
    expect(bare).not.toContain("[]");
    const inputs = (JSON.parse(texts[1] ?? "") as { inputs: { dataset_inputs: { dataset: { name: string } }[] } }).inputs.dataset_inputs;
    expect(inputs.map((i) => i.dataset.name).sort()).toEqual(["iris", "wine"]);
  });

  it("agrees over a page spanning several id chunks, on filtered and ordered searches, and on an empty page", async () => {
    expect(await expectSameAnswer({ experiment_ids: [experimentId], max_results: 1000 })).toBe(525);
    expect(await expectSameAnswer({ experiment_ids: [experimentId], max_results: 50, order_by: ["metrics.m1 DESC"], filter: "params.p1 = 'value-1'" })).toBe(1);
    expect(await expectSameAnswer({ experiment_ids: [experimentId], max_results: 2, order_by: ["attributes.run_name ASC"], page_token: "eyJvZmZzZXQiOiAyfQ==" })).toBe(2);
    expect(await expectSameAnswer({ experiment_ids: [experimentId], filter: "tags.nothing = 'x'" })).toBe(0);
  });
});
