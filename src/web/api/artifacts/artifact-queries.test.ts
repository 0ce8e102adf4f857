import { beforeEach, describe, expect, it, vi } from "vitest";
import { MlflowError, type FileInfo } from "../../../core/index.js";

/** The server stand-in: the pages it answers, in order, and the requests it got. */
const server = vi.hoisted(() => ({
  pages: [] as { files?: FileInfo[]; next_page_token?: string }[],
  calls: [] as Record<string, unknown>[],
}));

vi.mock("../../lib/api-client.js", () => ({
  apiClient: {
    options: { baseUrl: "" },
    call: (name: string, request: Record<string, unknown>) => {
      if (name !== "listArtifacts") throw new Error(`unexpected ${name}`);
      server.calls.push(request);
      const page = server.pages[server.calls.length - 1] ?? {};
      return Promise.resolve({ root_uri: "mlflow-artifacts:/1/r/artifacts", ...page });
    },
  },
}));

const { listArtifactFolder, artifactListQueryOptions } = await import("./artifact-queries.js");
const { artifactKeys } = await import("./artifact-keys.js");

const file = (path: string, size = 1): FileInfo => ({ path, is_dir: false, file_size: size });

beforeEach(() => {
  server.pages = [];
  server.calls = [];
});

describe("listArtifactFolder", () => {
  it("lists the root without a path parameter", async () => {
    server.pages = [{ files: [file("a.txt"), { path: "model", is_dir: true }] }];
    expect(await listArtifactFolder("r", "")).toEqual({ rootUri: "mlflow-artifacts:/1/r/artifacts", files: [file("a.txt"), { path: "model", is_dir: true }] });
    expect(server.calls).toEqual([{ run_id: "r" }]);
  });

  it("follows next_page_token until a page comes without one", async () => {
    server.pages = [
      { files: [file("d/1")], next_page_token: "t1" },
      { files: [file("d/2")], next_page_token: "t2" },
      { files: [file("d/3")] },
    ];
    const listing = await listArtifactFolder("r", "d");
    expect(listing.files.map((f) => f.path)).toEqual(["d/1", "d/2", "d/3"]);
    expect(server.calls).toEqual([
      { run_id: "r", path: "d" },
      { run_id: "r", path: "d", page_token: "t1" },
      { run_id: "r", path: "d", page_token: "t2" },
    ]);
  });

  it("stops on an empty page or a repeated token instead of looping", async () => {
    server.pages = [{ files: [file("1")], next_page_token: "t" }, { files: [], next_page_token: "u" }];
    expect((await listArtifactFolder("r", "")).files).toHaveLength(1);
    expect(server.calls).toHaveLength(2);
    server.calls = [];
    server.pages = [{ files: [file("1")], next_page_token: "t" }, { files: [file("2")], next_page_token: "t" }, { files: [file("3")] }];
    expect((await listArtifactFolder("r", "")).files.map((f) => f.path)).toEqual(["1", "2"]);
    expect(server.calls).toHaveLength(2);
  });

  it("reads a listing without files (MLflow omits the empty list) as empty", async () => {
    server.pages = [{}];
    expect((await listArtifactFolder("r", "")).files).toEqual([]);
  });

  it("lists a folder again on the given beat, but not after the server refused it", () => {
    expect(artifactListQueryOptions("r", "").refetchInterval).toBeUndefined();
    const interval = artifactListQueryOptions("r", "", 10_000).refetchInterval;
    if (typeof interval !== "function") throw new Error("expected a function");
    const at = (error: unknown) => interval({ state: { error } } as Parameters<typeof interval>[0]);
    expect(at(null)).toBe(10_000);
    expect(at(new MlflowError("TEMPORARILY_UNAVAILABLE", "down"))).toBe(10_000);
    expect(at(new MlflowError("INVALID_PARAMETER_VALUE", "Invalid path"))).toBe(false);
  });

  it("keys each folder under its run", () => {
    expect(artifactListQueryOptions("r", "a/b").queryKey).toEqual(["artifacts", "r", "list", "a/b"]);
    expect(artifactKeys.run("r")).toEqual(artifactListQueryOptions("r", "").queryKey.slice(0, 2));
  });
});
