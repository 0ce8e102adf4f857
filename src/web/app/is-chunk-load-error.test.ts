import { describe, expect, it } from "vitest";
import { isChunkLoadError } from "./is-chunk-load-error.js";

describe("isChunkLoadError", () => {
  it("recognises each browser's failed dynamic import", () => {
    expect(isChunkLoadError(new TypeError("Failed to fetch dynamically imported module: http://h/assets/run-page-x.js"))).toBe(true);
    expect(isChunkLoadError(new TypeError("error loading dynamically imported module: http://h/assets/a.js"))).toBe(true);
    expect(isChunkLoadError(new TypeError("Importing a module script failed."))).toBe(true);
    expect(isChunkLoadError(new TypeError("'text/html' is not a valid JavaScript MIME type."))).toBe(true);
  });

  it("recognises Vite's failed CSS preload", () => {
    expect(isChunkLoadError(new Error("Unable to preload CSS for http://127.0.0.1:5311/assets/run-page-D-wxciBh.css"))).toBe(true);
  });

  it("reads a bare message too", () => {
    expect(isChunkLoadError("Unable to preload CSS for /assets/a.css")).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isChunkLoadError(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isChunkLoadError(new Error("RESOURCE_ALREADY_EXISTS: Experiment 'x' already exists."))).toBe(false);
    expect(isChunkLoadError(new Error("Unable to preload"))).toBe(false);
    expect(isChunkLoadError({ status: 404 })).toBe(false);
    expect(isChunkLoadError({ message: "Failed to fetch dynamically imported module" })).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
