import { describe, expect, it } from "vitest";
import { MetricWriteLog } from "./metric-write-log.js";

describe("MetricWriteLog", () => {
  it("gives each run a generation that only grows, and only with that run's writes", () => {
    const log = new MetricWriteLog();
    expect(log.generation("a")).toBe(0);
    log.touch("a");
    const a1 = log.generation("a");
    expect(a1).toBeGreaterThan(0);
    log.touch("b");
    expect(log.generation("a")).toBe(a1);
    log.touch("a");
    expect(log.generation("a")).toBeGreaterThan(a1);
    expect(log.generation("c")).toBe(0);
  });
});
