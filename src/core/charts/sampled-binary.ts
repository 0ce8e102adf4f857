import { MlflowError } from "../errors/mlflow-error.js";
import type { SampledSeriesColumns } from "./sampled-columns.js";
import type { SampledMetricSeries } from "./sampled-history.js";

/**
 * The `binary=true` layout of the sampled history (sampled-history.ts): the columns of each series
 * as little-endian float64 arrays, one frame per series, frames back to back
 * (`application/octet-stream`, an empty body for no series):
 *
 *   u32 LE   H, the header's length in bytes
 *   H bytes  the header, UTF-8 JSON, padded with spaces so that the frame's arrays start, and the
 *            frame ends, at a multiple of 8 bytes from the body's start
 *   f64 LE × points  steps
 *   f64 LE × points  timestamps (unless the header's "timestamps" is false)
 *   f64 LE × points  values (the smoothed ones with smoothing)
 *   f64 LE × points  raw_values (when the header's "raw_values" is true)
 *
 * Header: `{"run_id", "key", "points", "total_points", "sampled", "timestamps", "raw_values",
 * "x_origin"?}`. NaN and ±Infinity are plain doubles. A page of 100 runs × 1,250 points is a third
 * smaller than the JSON columns and needs no parsing at all: a little-endian reader (every browser
 * in use) views the arrays in place. The web UI asks for it; nothing else depends on it.
 */
export const SAMPLED_BINARY_CONTENT_TYPE = "application/octet-stream";

interface FrameHeader {
  run_id: string;
  key: string;
  points: number;
  total_points: number;
  sampled: boolean;
  timestamps: boolean;
  raw_values: boolean;
  x_origin?: number;
}

const F64 = 8;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** One series as a frame of the binary layout; `timestamps` false leaves that array out. */
export function encodeSampledSeriesBinary(series: SampledMetricSeries, timestamps = true): Uint8Array<ArrayBuffer> {
  const { metrics } = series;
  // Empty lists are left out, as the JSON layouts leave them out.
  const raw = series.raw_values?.length ? series.raw_values : undefined;
  const n = metrics.length;
  const header: FrameHeader = {
    run_id: series.run_id,
    key: metrics[0]?.key ?? "",
    points: n,
    total_points: series.total_points,
    sampled: series.sampled,
    timestamps,
    raw_values: raw !== undefined,
    ...(series.x_origin === undefined ? {} : { x_origin: series.x_origin }),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil((4 + json.length) / F64) * F64 - 4;
  const columns = 2 + (timestamps ? 1 : 0) + (raw ? 1 : 0);
  const frame = new Uint8Array(4 + headerLength + columns * n * F64);
  const view = new DataView(frame.buffer);
  view.setUint32(0, headerLength, true);
  frame.set(json, 4);
  frame.fill(0x20, 4 + json.length, 4 + headerLength);
  // The arrays start at a multiple of 8 in a buffer of their own: a typed view writes them directly.
  const out = LITTLE_ENDIAN ? new Float64Array(frame.buffer, 4 + headerLength, columns * n) : undefined;
  let at = 0;
  const put = (v: number): void => {
    if (out) out[at] = v;
    else view.setFloat64(4 + headerLength + at * F64, v, true);
    at++;
  };
  for (const m of metrics) put(m.step);
  if (timestamps) for (const m of metrics) put(m.timestamp);
  for (const m of metrics) put(m.value);
  if (raw) for (let i = 0; i < n; i++) put(raw[i] ?? NaN);
  return frame;
}

function invalid(detail: string): MlflowError {
  return new MlflowError("INTERNAL_ERROR", `Invalid binary sampled history: ${detail}`);
}

function parseHeader(bytes: Uint8Array): FrameHeader {
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalid("a frame's header is not JSON");
  }
  const h = header as Partial<FrameHeader> | null;
  if (typeof h?.run_id !== "string" || !Number.isSafeInteger(h.points) || (h.points as number) < 0) throw invalid("a frame's header lacks run_id or points");
  return {
    run_id: h.run_id,
    key: typeof h.key === "string" ? h.key : "",
    points: h.points as number,
    total_points: typeof h.total_points === "number" ? h.total_points : 0,
    sampled: h.sampled === true,
    timestamps: h.timestamps !== false,
    raw_values: h.raw_values === true,
    ...(typeof h.x_origin === "number" ? { x_origin: h.x_origin } : {}),
  };
}

/** `n` doubles at byte `at`: a view in place when aligned on a little-endian machine, else a copy. */
function doubles(body: ArrayBuffer, at: number, n: number): Float64Array<ArrayBuffer> {
  if (LITTLE_ENDIAN && at % F64 === 0) return new Float64Array(body, at, n);
  const view = new DataView(body, at, n * F64);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * F64, true);
  return out;
}

/**
 * A binary-layout body as typed columns (the arrays view the body, which must then stay
 * unchanged). Throws INTERNAL_ERROR for a body that is not one: a truncated frame, a header that
 * is not JSON or arrays that overrun the body.
 */
export function decodeSampledBinary(body: ArrayBuffer): SampledSeriesColumns[] {
  const view = new DataView(body);
  const series: SampledSeriesColumns[] = [];
  let at = 0;
  while (at < body.byteLength) {
    if (at + 4 > body.byteLength) throw invalid("a frame is cut short");
    const headerLength = view.getUint32(at, true);
    if (at + 4 + headerLength > body.byteLength) throw invalid("a frame's header is cut short");
    const header = parseHeader(new Uint8Array(body, at + 4, headerLength));
    const n = header.points;
    const columns = 2 + (header.timestamps ? 1 : 0) + (header.raw_values ? 1 : 0);
    at += 4 + headerLength;
    if (at + columns * n * F64 > body.byteLength) throw invalid("a frame's arrays are cut short");
    const next = (): Float64Array<ArrayBuffer> => {
      const column = doubles(body, at, n);
      at += n * F64;
      return column;
    };
    const steps = next();
    const timestamps = header.timestamps ? next() : new Float64Array(n);
    const values = next();
    const raw = header.raw_values ? next() : undefined;
    series.push({
      run_id: header.run_id,
      steps,
      timestamps,
      values,
      ...(raw ? { raw_values: raw } : {}),
      total_points: header.total_points,
      sampled: header.sampled,
      ...(header.x_origin === undefined ? {} : { x_origin: header.x_origin }),
    });
  }
  return series;
}
