import { describe, expect, it } from "vitest";
import { trackRecentInput } from "./recent-input.js";

describe("trackRecentInput", () => {
  it("is true for quietMs after any scroll, wheel, pointer, key or touch, false before the first", () => {
    const target = new EventTarget();
    let time = 1000;
    const recent = trackRecentInput(target, 500, () => time);
    expect(recent()).toBe(false);
    for (const type of ["scroll", "wheel", "pointerdown", "keydown", "touchstart"]) {
      target.dispatchEvent(new Event(type));
      time += 499;
      expect(recent(), type).toBe(true);
      time += 1;
      expect(recent(), type).toBe(false);
    }
    target.dispatchEvent(new Event("mousemove"));
    expect(recent()).toBe(false);
  });
});
