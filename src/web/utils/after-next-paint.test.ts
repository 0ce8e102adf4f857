import { afterEach, describe, expect, it, vi } from "vitest";
import { afterNextPaint } from "./after-next-paint.js";

describe("afterNextPaint", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("runs in a task after the next frame's callbacks, not before", () => {
    const frame: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frame.push(cb));
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const calls: string[] = [];
    afterNextPaint(() => calls.push("fn"));
    vi.runAllTimers();
    expect(calls).toEqual([]);
    // The frame: its callbacks run, then the browser paints; fn is still queued behind it.
    for (const cb of frame.splice(0)) cb(0);
    calls.push("painted");
    vi.runAllTimers();
    expect(calls).toEqual(["painted", "fn"]);
  });
});
