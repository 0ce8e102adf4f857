import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT } from "../build-app.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, DOUBLE_MAX, longString } from "../../test-support/generators.js";
import { storedMetrics } from "../../test-support/sqlite-file.js";

let t: TestApp;
let runId: string;
beforeAll(async () => {
  t = await createTestApp();
  runId = (await newRun(t.api)).info.run_id;
});
afterAll(() => t.close());

const JSON_TYPE = { "content-type": "application/json" };
const setTagBody = (): string => JSON.stringify({ run_id: runId, key: "via", value: "content-type" });
const CT_MESSAGE = "Bad Request. Content-Type must be one of [application/json].";

describe("Content-Type of POST requests", () => {
  it.each([
    ["text/plain", `${CT_MESSAGE} Got 'text/plain'.`],
    ["text/plain;charset=UTF-8", `${CT_MESSAGE} Got 'text/plain;charset=UTF-8'.`],
    ["application/x-www-form-urlencoded", `${CT_MESSAGE} Got 'application/x-www-form-urlencoded'.`],
    ["multipart/form-data; boundary=x", CT_MESSAGE],
    ["application/jsonp", CT_MESSAGE],
  ])("refuses %s with 400 even when the body is valid JSON, writing nothing", async (type, message) => {
    const res = await expectNoWrite(t, () => t.api.post("/mlflow/runs/set-tag", setTagBody(), { "content-type": type }));
    expectError(res, 400, "INVALID_PARAMETER_VALUE", message);
  });

  it("refuses a POST with no Content-Type at all", async () => {
    const res = await expectNoWrite(t, () => t.api.raw({ method: "POST", url: "/api/2.0/mlflow/runs/set-tag", body: setTagBody() }));
    expectError(res, 400, "INVALID_PARAMETER_VALUE");
    expect((res.json as { message: string }).message).toBe(CT_MESSAGE);
  });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON", "APPLICATION/JSON;charset=UTF-8"])("accepts %s", async (type) => {
    const res = await t.api.post("/mlflow/runs/set-tag", JSON.stringify({ run_id: runId, key: "ct", value: type }), { "content-type": type });
    expectOk(res);
    const tags = (await t.api.ok("getRun", { run_id: runId })).run.data.tags;
    expect(tags).toContainEqual({ key: "ct", value: type });
  });

  it("does not check GET requests, which read the query string", async () => {
    const res = await t.api.raw({ method: "GET", url: `/api/2.0/mlflow/runs/get?run_id=${runId}`, headers: { "content-type": "text/plain" } });
    expectOk(res);
  });
});

describe("JSON bodies", () => {
  it.each([
    ["{", "Malformed JSON"],
    ['{"run_id": "x",}', "Malformed JSON"],
    ['{"run_id": "x"', "Malformed JSON"],
    ["{'run_id': 'x'}", "Malformed JSON"],
    ["[]", "Request body must be a JSON object."],
    ['[{"run_id": "x"}]', "Request body must be a JSON object."],
    ["5", "Request body must be a JSON object."],
    ['"not json inside"', "Request body must be a JSON object."],
  ])("refuses %s with 400 and writes nothing", async (body, message) => {
    const res = await expectNoWrite(t, () => t.api.post("/mlflow/runs/log-metric", body, JSON_TYPE));
    expectError(res, 400, "INVALID_PARAMETER_VALUE", message);
  });

  it.each(["", "   ", "null", "{}"])("treats %j as an empty message: required fields are then missing", async (body) => {
    const res = await expectNoWrite(t, () => t.api.post("/mlflow/runs/log-metric", body, JSON_TYPE));
    expectError(res, 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'run_id'.");
  });

  it("decodes a double-encoded body (a JSON string holding the object), as old clients send", async () => {
    const inner = JSON.stringify({ run_id: runId, key: "double", value: "encoded" });
    expectOk(await t.api.post("/mlflow/runs/set-tag", JSON.stringify(inner), JSON_TYPE));
    expect((await t.api.ok("getRun", { run_id: runId })).run.data.tags).toContainEqual({ key: "double", value: "encoded" });
  });

  it("ignores unknown fields", async () => {
    expectOk(await t.api.post("/mlflow/runs/set-tag", { run_id: runId, key: "extra", value: "ok", unknown_field: [1, 2], nested: { a: 1 } }));
  });
});

describe("bare NaN and Infinity tokens", () => {
  it("stores bare NaN / Infinity / -Infinity as NaN / ±max double, never as 0", async () => {
    const id = (await newRun(t.api)).info.run_id;
    const single = `{"run_id": "${id}", "key": "NaN", "value": NaN, "timestamp": ${BASE_TIME}, "step": 1}`;
    expectOk(await t.api.post("/mlflow/runs/log-metric", single, JSON_TYPE));
    const batch = `{"run_id":"${id}","metrics":[{"key":"inf","value":Infinity,"timestamp":${BASE_TIME}},{"key":"ninf","value":-Infinity,"timestamp":${BASE_TIME},"step":2}],
      "tags":[{"key":"text","value":"NaN, Infinity and \\"-Infinity\\" stay text"}]}`;
    expectOk(await t.api.post("/mlflow/runs/log-batch", batch, JSON_TYPE));
    expect(storedMetrics(t.dbFile, id)).toEqual([
      { key: "NaN", value: 0, is_nan: 1, timestamp: BASE_TIME, step: 1 },
      { key: "inf", value: DOUBLE_MAX, is_nan: 0, timestamp: BASE_TIME, step: 0 },
      { key: "ninf", value: -DOUBLE_MAX, is_nan: 0, timestamp: BASE_TIME, step: 2 },
    ]);
    const run = await t.api.call("getRun", { run_id: id });
    expect(run.text).toContain('{"key":"NaN","value":"NaN","timestamp":1700000000000,"step":1}');
    expect(run.json.run.data.metrics).toContainEqual({ key: "inf", value: DOUBLE_MAX, timestamp: BASE_TIME, step: 0 });
    expect(run.json.run.data.tags).toContainEqual({ key: "text", value: 'NaN, Infinity and "-Infinity" stay text' });
  });

  it("refuses bare tokens where a number is not a double (timestamps), and stray tokens", async () => {
    const bad = [`{"run_id":"${runId}","key":"m","value":1,"timestamp":NaN}`, `{"run_id":"${runId}","key":"m","value":NaNa,"timestamp":1}`, `{"run_id":"${runId}","key":"m","value":1,"timestamp":1,"step":Infinity}`];
    for (const body of bad) expectError(await expectNoWrite(t, () => t.api.post("/mlflow/runs/log-metric", body, JSON_TYPE)), 400, "INVALID_PARAMETER_VALUE");
  });
});

describe("body size limit", () => {
  it("refuses a body over buildApp's default limit (4 MiB) with the envelope, writing nothing", async () => {
    expect(DEFAULT_BODY_LIMIT).toBe(4 * 1024 * 1024);
    const body = JSON.stringify({ run_id: runId, key: "big", value: longString(DEFAULT_BODY_LIMIT) });
    const res = await expectNoWrite(t, () => t.api.post("/mlflow/runs/set-tag", body, JSON_TYPE));
    expectError(res, 400, "INVALID_PARAMETER_VALUE", `The request body exceeds the limit of ${DEFAULT_BODY_LIMIT} bytes.`);
  });

  it("honours a configured limit exactly: at the limit accepted, one byte over refused", async () => {
    const small = await createTestApp({ bodyLimit: 1024 });
    try {
      const id = (await newRun(small.api)).info.run_id;
      const sized = (n: number): string => {
        const base = JSON.stringify({ run_id: id, key: "pad", value: "" });
        return JSON.stringify({ run_id: id, key: "pad", value: longString(n - base.length) });
      };
      expect(sized(1024)).toHaveLength(1024);
      expectOk(await small.api.post("/mlflow/runs/set-tag", sized(1024), JSON_TYPE));
      const res = await expectNoWrite(small, () => small.api.post("/mlflow/runs/set-tag", sized(1025), JSON_TYPE));
      expectError(res, 400, "INVALID_PARAMETER_VALUE", "The request body exceeds the limit of 1024 bytes.");
      // The limit counts bytes, not characters: 600 two-byte characters are 1200 bytes.
      const wide = JSON.stringify({ run_id: id, key: "pad", value: longString(600, "é") });
      expectError(await small.api.post("/mlflow/runs/set-tag", wide, JSON_TYPE), 400, "INVALID_PARAMETER_VALUE");
    } finally {
      await small.close();
    }
  });
});

/** POSTs `body` with chunked transfer encoding (no Content-Length), as a streaming client would. */
function postChunked(baseUrl: string, path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (let i = 0; i < body.length; i += 256) req.write(body.slice(i, i + 256));
    req.end();
  });
}

describe("body size limit over a real socket", () => {
  it("counts the bytes of a chunked body that has no Content-Length", async () => {
    const small = await createTestApp({ bodyLimit: 1024 });
    try {
      const { baseUrl } = await small.listen();
      const id = (await newRun(small.api)).info.run_id;
      const ok = await postChunked(baseUrl, "/api/2.0/mlflow/runs/set-tag", JSON.stringify({ run_id: id, key: "k", value: longString(100) }));
      expect(ok.status, ok.text).toBe(200);
      const before = small.snapshot();
      const big = await postChunked(baseUrl, "/api/2.0/mlflow/runs/set-tag", JSON.stringify({ run_id: id, key: "k", value: longString(4096) }));
      expect(big.status).toBe(400);
      expect(JSON.parse(big.text)).toEqual({ error_code: "INVALID_PARAMETER_VALUE", message: "The request body exceeds the limit of 1024 bytes." });
      expect(small.snapshot()).toEqual(before);
    } finally {
      await small.close();
    }
  });
});

describe("routes and methods", () => {
  it("answers unknown routes with ENDPOINT_NOT_FOUND (404) and wrong methods with 405, both as JSON envelopes", async () => {
    expectError(await t.api.post("/mlflow/experiments/list", {}), 404, "ENDPOINT_NOT_FOUND");
    expectError(await t.api.raw({ method: "GET", url: "/api/2.0/mlflow/nothing-here" }), 404, "ENDPOINT_NOT_FOUND");
    expectError(await t.api.get("/mlflow/runs/log-metric", { run_id: runId }), 405, "BAD_REQUEST");
    expectError(await expectNoWrite(t, () => t.api.raw({ method: "PUT", url: "/api/2.0/mlflow/runs/set-tag", headers: JSON_TYPE, body: setTagBody() })), 405, "BAD_REQUEST");
    expectError(await expectNoWrite(t, () => t.api.post("/mlflow/runs/get", { run_id: runId })), 405, "BAD_REQUEST");
  });

  it("serves /health and /version as plain text", async () => {
    const health = await t.api.raw({ method: "GET", url: "/health" });
    expect([health.status, health.text]).toEqual([200, "OK"]);
    expect(health.headers["content-type"]).toMatch(/^text\/plain/);
    expect((await t.api.raw({ method: "GET", url: "/version" })).status).toBe(200);
  });
});
