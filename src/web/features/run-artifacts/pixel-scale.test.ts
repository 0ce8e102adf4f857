import { describe, expect, it } from "vitest";
import { pixelScale } from "./pixel-scale.js";

describe("pixelScale", () => {
  it("enlarges an image under 96 px on its longer side by whole pixels, to about 192 px", () => {
    expect(pixelScale(2, 2)).toBe(96);
    expect(pixelScale(12, 8)).toBe(16);
    expect(pixelScale(95, 10)).toBe(2);
    expect(pixelScale(10, 95)).toBe(2);
  });

  it("shows larger images, and sizes it cannot know, as they are", () => {
    expect(pixelScale(96, 96)).toBe(1);
    expect(pixelScale(640, 480)).toBe(1);
    expect(pixelScale(0, 0)).toBe(1);
  });
});
