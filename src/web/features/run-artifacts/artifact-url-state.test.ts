import { describe, expect, it } from "vitest";
import { readArtifactParam, withArtifactParam } from "./artifact-url-state.js";

describe("artifact URL state", () => {
  it("writes the path with readable slashes and reads it back", () => {
    const search = withArtifactParam("", "model/data/weights.bin");
    expect(search).toBe("?artifact=model/data/weights.bin");
    expect(readArtifactParam(search)).toBe("model/data/weights.bin");
  });

  it("round-trips spaces, #, ?, &, +, = and unicode", () => {
    for (const path of ["eval results/a b.csv", "a#1?x=y&z", "c++/1+1=2.txt", "größe/📈 plot.png", "100%.txt"]) {
      const search = withArtifactParam("", path);
      expect(new URL(`http://h/p${search}`).hash, path).toBe("");
      expect(readArtifactParam(search), path).toBe(path);
      expect(readArtifactParam(new URLSearchParams(search)), path).toBe(path);
    }
  });

  it("keeps other parameters, replaces a previous selection and removes it", () => {
    expect(withArtifactParam("?tab=x&artifact=old.txt", "new.txt")).toBe("?tab=x&artifact=new.txt");
    expect(withArtifactParam("?tab=x&artifact=old.txt", undefined)).toBe("?tab=x");
    expect(withArtifactParam("?artifact=old.txt", undefined)).toBe("");
  });

  it("reads no selection from an absent, empty or slash-only parameter, and drops stray slashes", () => {
    expect(readArtifactParam("")).toBeUndefined();
    expect(readArtifactParam("?artifact=")).toBeUndefined();
    expect(readArtifactParam("?artifact=%2F%2F")).toBeUndefined();
    expect(readArtifactParam("?artifact=/a//b/")).toBe("a/b");
  });
});
