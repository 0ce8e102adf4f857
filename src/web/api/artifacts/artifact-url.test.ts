import { describe, expect, it } from "vitest";
import { artifactUrl } from "./artifact-url.js";

describe("artifactUrl", () => {
  it("points at MLflow's get-artifact route on the UI's own origin", () => {
    expect(artifactUrl("abc123", "model/MLmodel")).toBe("/get-artifact?path=model%2FMLmodel&run_uuid=abc123");
  });

  it("keeps a base URL's path prefix, without doubling its slash", () => {
    expect(artifactUrl("r1", "a.txt", "http://host:5000/mlflow/")).toBe("http://host:5000/mlflow/get-artifact?path=a.txt&run_uuid=r1");
  });

  it("encodes spaces, #, ?, &, +, % and unicode so they stay inside the path parameter", () => {
    const url = artifactUrl("r1", "eval results/a #1?x=y&z+w 100%/größe 📈.txt", "http://h");
    const parsed = new URL(url);
    expect(parsed.hash).toBe("");
    expect([...parsed.searchParams.keys()]).toEqual(["path", "run_uuid"]);
    expect(parsed.searchParams.get("path")).toBe("eval results/a #1?x=y&z+w 100%/größe 📈.txt");
    expect(parsed.searchParams.get("run_uuid")).toBe("r1");
    // %20, never `+`: servers that do not read `+` as a space (and MLflow's own UI) agree on %20.
    expect(url).toContain("eval%20results");
  });
});
