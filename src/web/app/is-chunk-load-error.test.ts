import { describe, expect, it } from "vitest";
import { isChunkLoadError } from "./is-chunk-load-error.js";

describe("isChunkLoadError", () => {
  it("recognises each browser's failed dynamic import", () => {
    expect(isChunkLoadError(new TypeError("Failed to fetch dynamically imported module: http://h/assets/run-page-x.js"))).toBe(true);
    expect(isChunkLoadError(new TypeError("error loading dynamically imported module: http://h/assets/a.js"))).toBe(true);
    expect(isChunkLoadError(new TypeError("Importing a module script failed."))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isChunkLoadError(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isChunkLoadError({ status: 404 })).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
