import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatDuration, formatMetric, formatTime, runDuration } from "./format.js";

describe("formatDuration", () => {
  it.each([
    [undefined, "—"],
    [-5, "—"],
    [120, "120ms"],
    [4200, "4.2s"],
    [42_000, "42s"],
    [200_000, "3m 20s"],
    [3_720_000, "1h 02m"],
    [90_000_000, "1d 01h"],
  ])("%s ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatMetric", () => {
  it.each([
    [NaN, "NaN"],
    [Infinity, "∞"],
    [-Infinity, "−∞"],
    [1.7976931348623157e308, "∞"],
    [-1.7976931348623157e308, "−∞"],
    [3, "3"],
    [0.123456789, "0.123457"],
    [0.00001234, "1.234e-5"],
    [0.00003, "3e-5"],
    [-1234567891234.5, "-1.2346e+12"],
  ])("%s → %s", (value, text) => {
    expect(formatMetric(value)).toBe(text);
  });
});

describe("runDuration", () => {
  it("uses now for a run without end time", () => {
    expect(runDuration(1000, undefined, 5000)).toBe(4000);
    expect(runDuration(1000, 3000, 5000)).toBe(2000);
    expect(runDuration(0, 3000)).toBeUndefined();
  });
});

describe("formatTime", () => {
  it("prints local time as YYYY-MM-DD HH:mm:ss", () => {
    const d = new Date(2023, 10, 14, 9, 5, 7);
    expect(formatTime(d.getTime())).toBe("2023-11-14 09:05:07");
    expect(formatTime(undefined)).toBe("—");
    expect(formatTime(0)).toBe("—");
  });
});

describe("formatCount", () => {
  it("groups thousands with commas, as en-US does", () => {
    for (const n of [0, 7, 999, 1000, 1250, 12_345, 100_000, 125_000, 1_000_000, 1_234_567_890, -1, -1000, -125_000]) expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });

  it("leaves a fraction as it is", () => {
    expect(formatCount(1.5)).toBe("1.5");
  });
});

describe("formatBytes", () => {
  it.each([
    [undefined, "—"],
    [-1, "—"],
    [Number.NaN, "—"],
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [10_240, "10 KiB"],
    [15_872, "15.5 KiB"],
    [1_048_575, "1 MiB"],
    [1_048_576, "1 MiB"],
    [3_565_158, "3.4 MiB"],
    [157_286_400, "150 MiB"],
    [2 * 1024 ** 3, "2 GiB"],
    [5 * 1024 ** 5, "5120 TiB"],
  ])("%s bytes → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
