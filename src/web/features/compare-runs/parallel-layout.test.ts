import { describe, expect, it } from "vitest";
import { clip, naLabel, parallelLayout, tickBoxWidth } from "./parallel-layout.js";

const margin = { left: 56, right: 56 };

describe("parallelLayout", () => {
  it("spreads the axes over the width, keeping the margins", () => {
    const layout = parallelLayout({ available: 800, axisCount: 5, firstLabels: [{ text: "0.1", na: false }], margin, minSpacing: 110 });
    expect(layout.x).toEqual([56, 228, 400, 572, 744]);
    expect(layout.width).toBe(800);
    expect(layout.tickChars).toBe(22);
  });

  it("scrolls rather than crowd the axes closer than the minimum spacing", () => {
    const layout = parallelLayout({ available: 400, axisCount: 6, firstLabels: [], margin, minSpacing: 110 });
    expect(layout.spacing).toBe(110);
    expect(layout.width).toBe(56 + 56 + 5 * 110);
  });

  it("widens the left margin for a long first label, so the plot's edge does not cut it", () => {
    const labels = [{ text: "cosine_with_restarts", na: false }, { text: naLabel(12), na: true }];
    const layout = parallelLayout({ available: 600, axisCount: 4, firstLabels: labels, margin, minSpacing: 110 });
    const first = layout.x[0] ?? 0;
    const longest = Math.max(3 + tickBoxWidth(clip("cosine_with_restarts", layout.tickChars)), 8 + tickBoxWidth(naLabel(12)));
    expect(first).toBeGreaterThan(56);
    expect(first).toBeGreaterThanOrEqual(longest);
    expect((layout.x[3] ?? 0) + 56).toBeCloseTo(layout.width);
  });

  it("widens the right margin for the last axis's labels, which hang right of it, clear of the lines", () => {
    const labels = [{ text: "0.000123456", na: false }, { text: naLabel(30), na: true }];
    const layout = parallelLayout({ available: 600, axisCount: 3, firstLabels: [], lastLabels: labels, margin, minSpacing: 110 });
    const lastX = layout.x[2] ?? 0;
    const longest = Math.max(3 + tickBoxWidth(clip("0.000123456", layout.tickChars)), 8 + tickBoxWidth(naLabel(30)));
    expect(layout.width - lastX).toBeGreaterThanOrEqual(longest);
    expect(layout.width).toBe(600);
    // Short labels leave the margin as it was.
    const short = parallelLayout({ available: 600, axisCount: 3, firstLabels: [], lastLabels: [{ text: "1", na: false }], margin, minSpacing: 110 });
    expect(short.width - (short.x[2] ?? 0)).toBe(56);
  });

  it("keeps an edge axis's title within the plot: half of it lies beyond the axis", () => {
    const layout = parallelLayout({ available: 1000, axisCount: 2, firstLabels: [], margin, minSpacing: 110 });
    expect(layout.titleChars).toEqual([16, 16]);
    const single = parallelLayout({ available: 1000, axisCount: 1, firstLabels: [], margin, minSpacing: 110 });
    expect(single.x).toEqual([500]);
    expect(single.titleChars[0]).toBeGreaterThan(100);
  });
});

describe("clip", () => {
  it("ends a clipped label with an ellipsis", () => {
    expect(clip("learning_rate", 8)).toBe("learnin…");
    expect(clip("lr", 8)).toBe("lr");
  });
});
