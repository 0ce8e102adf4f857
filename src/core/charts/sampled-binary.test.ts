import { describe, expect, it } from "vitest";
import { BASE_TIME, specialSampledSeries } from "../../test-support/generators.js";
import { isMlflowError } from "../errors/mlflow-error.js";
import { encodeSampledSeriesColumns } from "./encode-sampled-history.js";
import { decodeSampledBinary, encodeSampledSeriesBinary } from "./sampled-binary.js";
import { decodeSampledColumns } from "./sampled-columns.js";
import type { SampledMetricSeries } from "./sampled-history.js";

const { metrics, series } = specialSampledSeries(301);

/** Frames back to back in one ArrayBuffer, as a response body arrives. */
function bodyOf(frames: Uint8Array[]): ArrayBuffer {
  const body = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of frames) {
    body.set(f, at);
    at += f.length;
  }
  return body.buffer;
}

/** JSON has no -0 (it sends 0); the binary layout keeps it. */
const withoutNegativeZero = (list: ReturnType<typeof decodeSampledBinary>) => list.map((s) => ({ ...s, values: s.values.map((v) => (v === 0 ? 0 : v)) }));

const jsonColumns = (list: SampledMetricSeries[], timestamps = true) => decodeSampledColumns(JSON.parse(`{"series":[${list.map((s) => encodeSampledSeriesColumns(s, timestamps)).join(",")}]}`) as Record<string, unknown>);

function expectInvalid(body: ArrayBuffer): void {
  let error: unknown;
  try {
    decodeSampledBinary(body);
  } catch (e) {
    error = e;
  }
  expect(isMlflowError(error) && error.errorCode === "INTERNAL_ERROR" && error.message.startsWith("Invalid binary sampled history")).toBe(true);
}

describe("the binary sampled-history layout", () => {
  it("decodes to what the JSON columns layout decodes to, NaN, ±Infinity, -0 and the double extremes included", () => {
    const decoded = decodeSampledBinary(bodyOf(series.map((s) => encodeSampledSeriesBinary(s))));
    expect(withoutNegativeZero(decoded)).toEqual(jsonColumns(series));
    expect(Object.is(decoded[0]?.values[5 * 7], -0)).toBe(true);
    expect(Array.from(decoded[2]?.raw_values ?? [])).toEqual([NaN, -Infinity, 2.5]);
    expect(decoded[2]?.x_origin).toBe(BASE_TIME);
    expect(decoded[2]?.run_id).toBe("r3-é");
  });

  it("without timestamps: the same columns, timestamps 0, one array fewer", () => {
    const full = encodeSampledSeriesBinary(series[0] as SampledMetricSeries);
    const lean = encodeSampledSeriesBinary(series[0] as SampledMetricSeries, false);
    expect(withoutNegativeZero(decodeSampledBinary(bodyOf([lean])))).toEqual(jsonColumns([series[0] as SampledMetricSeries], false));
    // One array fewer; the header's padding may differ by a word.
    expect(Math.abs(full.length - lean.length - metrics.length * 8)).toBeLessThanOrEqual(8);
  });

  it("frames end on 8-byte boundaries, so every array is viewed in place, not copied", () => {
    const frames = series.map((s) => encodeSampledSeriesBinary(s));
    for (const f of frames) expect(f.length % 8).toBe(0);
    const body = bodyOf(frames);
    const [first] = decodeSampledBinary(body);
    expect(first?.values.buffer).toBe(body);
    expect(first?.steps.buffer).toBe(body);
  });

  it("decodes arrays that are not aligned (a frame from another writer) by copying them", () => {
    const aligned = encodeSampledSeriesBinary(series[2] as SampledMetricSeries);
    const headerLength = new DataView(aligned.buffer).getUint32(0, true);
    // The same frame with one more space in its header: every array starts one byte later.
    const shifted = new Uint8Array(aligned.length + 1);
    new DataView(shifted.buffer).setUint32(0, headerLength + 1, true);
    shifted.set(aligned.subarray(4, 4 + headerLength), 4);
    shifted[4 + headerLength] = 0x20;
    shifted.set(aligned.subarray(4 + headerLength), 5 + headerLength);
    expect(decodeSampledBinary(shifted.buffer)).toEqual(decodeSampledBinary(bodyOf([aligned])));
  });

  it("an empty body is no series", () => {
    expect(decodeSampledBinary(new ArrayBuffer(0))).toEqual([]);
  });

  it("a body cut anywhere, or with a header that is not one, is an INTERNAL_ERROR, not garbage", () => {
    const body = new Uint8Array(bodyOf(series.map((s) => encodeSampledSeriesBinary(s))));
    const frame0 = encodeSampledSeriesBinary(series[0] as SampledMetricSeries).length;
    for (const cut of [1, 3, 4, 10, 40, frame0 - 1, body.length - 1]) expectInvalid(body.slice(0, cut).buffer);
    const notJson = new Uint8Array(12);
    new DataView(notJson.buffer).setUint32(0, 8, true);
    notJson.set(new TextEncoder().encode("{run_id:"), 4);
    expectInvalid(notJson.buffer);
    for (const header of ['{"run_id":"r","points":-1}', '{"points":1}', '{"run_id":"r","points":1.5}', "null"]) {
      const bytes = new TextEncoder().encode(header.padEnd(Math.ceil((header.length + 4) / 8) * 8 - 4));
      const frame = new Uint8Array(4 + bytes.length + 16);
      new DataView(frame.buffer).setUint32(0, bytes.length, true);
      frame.set(bytes, 4);
      expectInvalid(frame.buffer);
    }
    // A header length past the end of the body.
    const huge = new Uint8Array(8);
    new DataView(huge.buffer).setUint32(0, 0xffffffff, true);
    expectInvalid(huge.buffer);
  });
});
