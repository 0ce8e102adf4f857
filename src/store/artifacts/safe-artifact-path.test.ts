import { describe, expect, it } from "vitest";
import { safeArtifactPath } from "./safe-artifact-path.js";

describe("safeArtifactPath", () => {
  it("decodes escapes until stable, as MLflow's unquote loop does", () => {
    expect(safeArtifactPath("a%20b/c.txt")).toBe("a b/c.txt");
    expect(safeArtifactPath("r%C3%A9sultats/%E6%97%A5.txt")).toBe("résultats/日.txt");
    expect(safeArtifactPath("x%2541.txt")).toBe("xA.txt");
    expect(safeArtifactPath("./a//b/")).toBe("a/b");
    expect(safeArtifactPath(undefined)).toBe("");
  });

  it("keeps a % that starts no escape, where decodeURIComponent would throw", () => {
    expect(safeArtifactPath("100%.txt")).toBe("100%.txt");
    expect(safeArtifactPath("50%off/a%2")).toBe("50%off/a%2");
    expect(safeArtifactPath("%zz")).toBe("%zz");
  });

  it("reads invalid UTF-8 escapes as U+FFFD, as Python does", () => {
    expect(safeArtifactPath("a%FFb")).toBe("a\uFFFDb");
  });

  it.each(["../x", "a/../../x", "%2e%2e/x", "%252e%252e%252fx", "/etc/passwd", "%2Fetc", "C:/x", "a\\b", "a%5cb", "a#b", "a%23b", "a%00b", "file:///etc/passwd/../x"])("refuses %s", (path) => {
    expect(() => safeArtifactPath(path)).toThrow(/Invalid path/);
  });

  it("gives up on more than ten levels of encoding", () => {
    let path = "a";
    for (let i = 0; i < 12; i++) path = encodeURIComponent(path).replace(/a/, "%61");
    expect(() => safeArtifactPath(path)).toThrow(/too many levels/);
  });
});
