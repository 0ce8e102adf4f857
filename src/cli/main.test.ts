import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/create-test-app.js";
import { uniqueName } from "../test-support/generators.js";
import { DIST_CLI_BIN, ensureNodeBuild } from "../sdk/testing/ensure-node-build.js";
import { unusedPort } from "../sdk/testing/unused-port.js";

const execFileAsync = promisify(execFile);

async function tracklet(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [DIST_CLI_BIN, ...argv], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** The installed `tracklet` binary (bin/tracklet.js → compiled main.ts): real exit codes and streams. */
describe("the tracklet binary", () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    await ensureNodeBuild();
    t = await createTestApp();
    baseUrl = (await t.listen()).baseUrl;
  });

  afterAll(async () => {
    await t.close();
  });

  it("exits 0 for a successful command and prints to stdout", async () => {
    const name = uniqueName("bin");
    const result = await tracklet("experiments", "create", "-n", name, "--tracking-uri", baseUrl);
    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^Created experiment '${name}' with id \\d+\\n$`)) as unknown, stderr: "" });
  });

  it("exits 2 for a bad command line, 1 when the server cannot be reached", async () => {
    expect(await tracklet("experiments", "create")).toMatchObject({ code: 2, stdout: "", stderr: "error: required option '-n, --experiment-name <name>' not specified\n" });
    const port = await unusedPort();
    const down = await tracklet("runs", "list", "-x", "0", "--tracking-uri", `http://127.0.0.1:${port}`);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(new RegExp(`^error: Could not reach http://127\\.0\\.0\\.1:${port}/`));
  });

  it("tracklet ui serves the UI and proxies the API until SIGTERM", async () => {
    const webRoot = await mkdtemp(join(tmpdir(), "tracklet-ui-bin-"));
    await writeFile(join(webRoot, "index.html"), "<title>ui</title>");
    const child = spawn(process.execPath, [DIST_CLI_BIN, "ui", "--backend-uri", baseUrl, "--port", "0"], { env: { ...process.env, TRACKLET_WEB_ROOT: webRoot } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /serving on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.on("exit", (code) => reject(new Error(`ui exited with ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/api/2.0/mlflow/experiments/get?experiment_id=0`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { experiment: { name: string } }).experiment.name).toBe("Default");
      expect(await (await fetch(`${url}/runs/deep/link`)).text()).toBe("<title>ui</title>");
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      await rm(webRoot, { recursive: true, force: true });
    }
  });
});
