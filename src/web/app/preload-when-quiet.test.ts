import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { preloadWhenQuiet } from "./preload-when-quiet.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

const loader = (log: string[], name: string, fail = false) => () => {
  log.push(name);
  return fail ? Promise.reject(new Error("chunk gone")) : Promise.resolve();
};

describe("preloadWhenQuiet", () => {
  it("waits for the first page's time, then loads one module per quiet moment, in order", async () => {
    const log: string[] = [];
    preloadWhenQuiet([loader(log, "a"), loader(log, "b")], { busy: () => false }, { notBeforeMs: 3000, retryMs: 1000 });
    await vi.advanceTimersByTimeAsync(2900);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(1100);
    expect(log).toEqual(["a", "b"]);
  });

  it("holds off while the page is busy, and goes on past a loader that fails", async () => {
    const log: string[] = [];
    let busy = true;
    preloadWhenQuiet([loader(log, "a", true), loader(log, "b")], { busy: () => busy }, { notBeforeMs: 0, retryMs: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual([]);
    busy = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual(["a", "b"]);
  });

  it("stops what has not started", async () => {
    const log: string[] = [];
    const stop = preloadWhenQuiet([loader(log, "a"), loader(log, "b")], { busy: () => false }, { notBeforeMs: 0, retryMs: 100 });
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(["a"]);
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(["a"]);
  });
});
