import { describe, expect, it } from "vitest";
import { extensionOf, fileName, IMAGE_PREVIEW_MAX_BYTES, previewKind } from "./preview-kind.js";

describe("previewKind", () => {
  it.each(["plots/roc.png", "a.PNG", "b.jpg", "c.jpeg", "d.gif", "e.webp", "f.bmp"])("%s is an image", (path) => {
    expect(previewKind(path, 10)).toEqual({ kind: "image" });
  });

  it.each([
    "train.log", "notes.txt", "README.md", "config.yaml", "params.yml", "train.py", "run.sh", "setup.cfg", "tox.ini", "pyproject.toml",
    "model/MLmodel", "model/requirements.txt", "model/conda.yaml", "model/python_env.yaml", "Dockerfile",
  ])("%s is text", (path) => {
    expect(previewKind(path, 10)).toEqual({ kind: "text", json: false });
  });

  it("shows HTML, SVG and JavaScript as text, never as an image or a page", () => {
    for (const path of ["report.html", "x.HTM", "chart.svg", "app.js"]) expect(previewKind(path, 10)).toEqual({ kind: "text", json: false });
  });

  it("pretty-prints JSON and tabulates CSV and TSV", () => {
    expect(previewKind("metrics.json")).toEqual({ kind: "text", json: true });
    expect(previewKind("eval/preds.CSV")).toEqual({ kind: "table", delimiter: "," });
    expect(previewKind("eval/preds.tsv")).toEqual({ kind: "table", delimiter: "\t" });
  });

  it("has no preview for other files, files without an extension, or dotfiles", () => {
    for (const path of ["model.pkl", "weights.bin", "data.parquet", "archive.tar.gz", "noext", ".env", "folder.d/file"]) {
      expect(previewKind(path, 10), path).toEqual({ kind: "none", reason: "type" });
    }
  });

  it("offers an image too large for an <img> for download only; text of any size is previewed (its start)", () => {
    expect(previewKind("huge.png", IMAGE_PREVIEW_MAX_BYTES + 1)).toEqual({ kind: "none", reason: "too-large" });
    expect(previewKind("huge.png", IMAGE_PREVIEW_MAX_BYTES)).toEqual({ kind: "image" });
    expect(previewKind("huge.log", 2 * 1024 ** 3)).toEqual({ kind: "text", json: false });
  });
});

describe("fileName and extensionOf", () => {
  it("take the last segment and its lower-cased extension", () => {
    expect(fileName("a/b/c.tar.GZ")).toBe("c.tar.GZ");
    expect(fileName("top")).toBe("top");
    expect(extensionOf("c.tar.GZ")).toBe("gz");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("MLmodel")).toBe("");
  });
});
