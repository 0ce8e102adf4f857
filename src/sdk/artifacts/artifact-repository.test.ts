import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendToUri, checkArtifactPath } from "./artifact-paths.js";
import { artifactRepositoryFor, proxiedArtifactUrl } from "./artifact-repository.js";
import { HttpArtifactRepository } from "./http-artifact-repository.js";
import { LocalArtifactRepository } from "./local-artifact-repository.js";

let dir: string;
let source: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tracklet-artifacts-"));
  source = join(dir, "source");
  await mkdir(join(source, "nested/deeper"), { recursive: true });
  await writeFile(join(source, "model.txt"), "weights");
  await writeFile(join(source, "nested/config.json"), '{"lr":0.1}');
  await writeFile(join(source, "nested/deeper/notes é.md"), "# notes");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("artifact URIs", () => {
  it("maps mlflow-artifacts: URIs onto the tracking server's proxied artifact API", () => {
    expect(proxiedArtifactUrl("mlflow-artifacts:/1/abc/artifacts", "http://127.0.0.1:5000")).toBe("http://127.0.0.1:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts");
    expect(proxiedArtifactUrl("mlflow-artifacts:/1/abc/artifacts", "https://host/mlflow/")).toBe("https://host/mlflow/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts");
    expect(proxiedArtifactUrl("mlflow-artifacts://other:9000/1/abc/artifacts", "https://host")).toBe("https://other:9000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts");
    expect(() => proxiedArtifactUrl("mlflow-artifacts:/1/abc/artifacts", "/tmp/mlruns")).toThrow(/not an http\(s\) server/);
  });

  it("picks the repository from the run's artifact URI", () => {
    expect(artifactRepositoryFor("/data/mlruns/1/abc/artifacts", "http://x")).toBeInstanceOf(LocalArtifactRepository);
    expect(artifactRepositoryFor(pathToFileURL("/data/a b").href, "http://x")).toMatchObject({ root: "/data/a b" });
    expect(artifactRepositoryFor("mlflow-artifacts:/1/abc/artifacts", "http://x")).toBeInstanceOf(HttpArtifactRepository);
    expect(artifactRepositoryFor("https://store/run/artifacts", "/local")).toMatchObject({ baseUrl: "https://store/run/artifacts" });
    expect(() => artifactRepositoryFor("s3://bucket/run", "http://x")).toThrow(/not supported/);
  });

  it("joins paths with one slash and refuses paths that escape the run's root", () => {
    expect(appendToUri("mlflow-artifacts:/1/r/artifacts", "a/b.txt")).toBe("mlflow-artifacts:/1/r/artifacts/a/b.txt");
    expect(appendToUri("/root/", undefined)).toBe("/root/");
    expect(checkArtifactPath("plots/")).toBe("plots");
    for (const bad of ["../x", "a/../../b", "/etc", "C:\\x"]) expect(() => checkArtifactPath(bad)).toThrow(/Invalid artifact path/);
  });
});

describe("LocalArtifactRepository", () => {
  it("copies a file, under a sub-path if given, and a directory tree", async () => {
    const root = join(dir, "local-root");
    const repo = new LocalArtifactRepository(root);
    await repo.logArtifact(join(source, "model.txt"));
    await repo.logArtifact(join(source, "model.txt"), "models/v1");
    await repo.logArtifacts(source, "all");
    expect(await readFile(join(root, "model.txt"), "utf8")).toBe("weights");
    expect(await readFile(join(root, "models/v1/model.txt"), "utf8")).toBe("weights");
    expect(await readFile(join(root, "all/nested/deeper/notes é.md"), "utf8")).toBe("# notes");
    await expect(repo.logArtifact(join(source, "missing.txt"))).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
    await expect(repo.logArtifact(source)).rejects.toThrow(/Not a file/);
  });
});

describe("HttpArtifactRepository", () => {
  it("PUTs each file to <base>/<path>, retrying 5xx answers", async () => {
    const received = new Map<string, string>();
    let failuresLeft = 2;
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (failuresLeft-- > 0) {
          res.writeHead(503).end();
          return;
        }
        received.set(`${req.method} ${decodeURIComponent(req.url ?? "")}`, Buffer.concat(chunks).toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/2.0/mlflow-artifacts/artifacts/1/run/artifacts`;
    try {
      const repo = new HttpArtifactRepository(base, { maxRetries: 3, retryBaseDelayMs: 1 });
      await repo.logArtifact(join(source, "model.txt"), "models");
      await repo.logArtifacts(source);
      const prefix = "PUT /api/2.0/mlflow-artifacts/artifacts/1/run/artifacts";
      expect(Object.fromEntries(received)).toEqual({
        [`${prefix}/models/model.txt`]: "weights",
        [`${prefix}/model.txt`]: "weights",
        [`${prefix}/nested/config.json`]: '{"lr":0.1}',
        [`${prefix}/nested/deeper/notes é.md`]: "# notes",
      });
    } finally {
      server.close();
    }
  });

  it("turns a refusal into an MlflowError naming the path", async () => {
    const server = createServer((_req, res) => res.writeHead(404, { "content-type": "application/json" }).end('{"error_code":"ENDPOINT_NOT_FOUND","message":"No endpoint"}'));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const repo = new HttpArtifactRepository(`http://127.0.0.1:${(server.address() as AddressInfo).port}/base`, { maxRetries: 0 });
      await expect(repo.logArtifact(join(source, "model.txt"))).rejects.toMatchObject({ errorCode: "ENDPOINT_NOT_FOUND", message: expect.stringMatching(/model\.txt.*HTTP 404.*No endpoint/) as unknown });
    } finally {
      server.close();
    }
  });
});
