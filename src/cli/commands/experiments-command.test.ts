import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { unusedPort } from "../../sdk/testing/unused-port.js";
import { captureCli } from "../testing/capture-cli.js";

describe.each(["http", "local"] as const)("tracklet experiments over a %s tracking URI", (mode) => {
  let t: TestApp;
  let uri: string;
  let dir: string;
  const cli = (...argv: string[]): ReturnType<typeof captureCli> => captureCli(...argv, "--tracking-uri", uri);

  beforeAll(async () => {
    t = await createTestApp();
    const { baseUrl } = await t.listen();
    dir = await mkdtemp(join(tmpdir(), "tracklet-cli-"));
    // The local mode writes its own store, with no server anywhere.
    uri = mode === "http" ? baseUrl : join(dir, "mlruns");
  });

  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("create prints the new id; --json prints it as JSON", async () => {
    const name = uniqueName("cli");
    const created = await cli("experiments", "create", "--experiment-name", name);
    expect(created).toMatchObject({ code: 0, stderr: "" });
    const id = /^Created experiment '(.+)' with id (\d+)\n$/.exec(created.stdout)?.[2];
    expect(id).toBeDefined();
    const json = await cli("experiments", "create", "-n", `${name}-2`, "--artifact-location", join(dir, "art"), "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ experiment_id: String(Number(id) + 1) });
  });

  it("search shows a table of experiments, --json the full entities", async () => {
    const name = uniqueName("cli-search");
    const id = (JSON.parse((await cli("experiments", "create", "-n", name, "--json")).stdout) as { experiment_id: string }).experiment_id;
    const table = await cli("experiments", "search");
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Experiment Id\s+Name\s+Lifecycle Stage\s+Created\s+Artifact Location$/);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    expect(lines.some((l) => new RegExp(`^${id}\\s+${name}\\s+active\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\S`).test(l))).toBe(true);
    expect(lines.some((l) => /^0\s+Default\s+active/.test(l))).toBe(true);
    const json = JSON.parse((await cli("experiments", "search", "--json")).stdout) as { experiment_id: string; name: string; tags: object }[];
    expect(json.find((e) => e.experiment_id === id)).toMatchObject({ name, lifecycle_stage: "active", tags: {} });
    const limited = JSON.parse((await cli("experiments", "search", "--json", "--max-results", "1")).stdout) as unknown[];
    expect(limited).toHaveLength(1);
  });

  it("rename, delete and restore change the experiment and say so", async () => {
    const name = uniqueName("cli-life");
    const id = (JSON.parse((await cli("experiments", "create", "-n", name, "--json")).stdout) as { experiment_id: string }).experiment_id;
    expect(await cli("experiments", "rename", "--experiment-id", id, "--new-name", `${name}-new`)).toEqual({ code: 0, stdout: `Renamed experiment ${id} to '${name}-new'\n`, stderr: "" });
    expect(await cli("experiments", "delete", "--experiment-id", id)).toEqual({ code: 0, stdout: `Deleted experiment ${id}\n`, stderr: "" });
    const deleted = JSON.parse((await cli("experiments", "search", "--view", "deleted_only", "--json")).stdout) as { experiment_id: string; name: string }[];
    expect(deleted.find((e) => e.experiment_id === id)?.name).toBe(`${name}-new`);
    expect((await cli("experiments", "search")).stdout).not.toContain(`${name}-new`);
    expect(JSON.parse((await cli("experiments", "restore", "-x", id, "--json")).stdout)).toEqual({ experiment_id: id, lifecycle_stage: "active" });
    expect((await cli("experiments", "search", "-v", "all")).stdout).toContain(`${name}-new`);
  });

  it("errors from the store exit 1 with the message and MLflow's error code", async () => {
    const name = uniqueName("cli-dup");
    await cli("experiments", "create", "-n", name);
    expect(await cli("experiments", "create", "-n", name)).toEqual({ code: 1, stdout: "", stderr: `error: Experiment(name=${name}) already exists. (RESOURCE_ALREADY_EXISTS)\n` });
    const missing = await cli("experiments", "delete", "-x", "424242");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: No Experiment with id=424242 exists \(RESOURCE_DOES_NOT_EXIST\)\n$/);
  });

  it("reads the tracking URI from MLFLOW_TRACKING_URI when --tracking-uri is absent", async () => {
    const previous = process.env.MLFLOW_TRACKING_URI;
    process.env.MLFLOW_TRACKING_URI = uri;
    try {
      const name = uniqueName("cli-env");
      expect((await captureCli("experiments", "create", "-n", name)).code).toBe(0);
      expect((await cli("experiments", "search")).stdout).toContain(name);
    } finally {
      if (previous === undefined) delete process.env.MLFLOW_TRACKING_URI;
      else process.env.MLFLOW_TRACKING_URI = previous;
    }
  });
});

describe("tracklet experiments against an unreachable server", () => {
  it("exits 1 and says the server could not be reached", async () => {
    const port = await unusedPort();
    const { code, stdout, stderr } = await captureCli("experiments", "search", "--tracking-uri", `http://127.0.0.1:${port}`);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^error: Could not reach http://127\\.0\\.0\\.1:${port}/api/2\\.0/mlflow/experiments/search`));
    expect(stderr).toMatch(/Is the tracking server running\? Set it with --tracking-uri or MLFLOW_TRACKING_URI\.\n$/);
  });
});
