/** What the server knows of a file before opening it. */
export interface FileVersion {
  size: number;
  modified: Date;
}

/** The request headers that make a file download conditional or partial (Node lower-cases names). */
export interface FileRequestHeaders {
  range?: string | undefined;
  "if-range"?: string | undefined;
  "if-none-match"?: string | undefined;
  "if-modified-since"?: string | undefined;
}

/** How to answer: the whole file, one byte range of it (`end` inclusive), "not modified", or "no such range". */
export type FileAnswer = { status: 200 } | { status: 206; start: number; end: number } | { status: 304 } | { status: 416 };

/** A strong validator from size and modification time, as nginx and Express make them: a rewrite changes one or both. */
export function entityTag(file: FileVersion): string {
  return `"${file.size.toString(16)}-${Math.floor(file.modified.getTime()).toString(16)}"`;
}

/** HTTP dates have whole seconds, so a comparison with the file's time must drop its milliseconds. */
function modifiedSeconds(file: FileVersion): number {
  return Math.floor(file.modified.getTime() / 1000);
}

function dateSeconds(header: string): number | undefined {
  const ms = Date.parse(header);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** If-None-Match compares weakly (RFC 9110 13.1.2): a `W/` prefix does not stop a match. */
function noneMatch(header: string, tag: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === tag);
}

/** If-Range allows a range only for the same version: a strong tag equal to ours, or our exact Last-Modified. */
function rangeStillValid(header: string | undefined, file: FileVersion): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === entityTag(file);
  return dateSeconds(value) === modifiedSeconds(file);
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The byte range a `Range` header asks of a file of `size` bytes: "ignore" for what a server may
 * answer with the whole file (other units, several ranges, malformed specs: RFC 9110 14.2), or
 * "unsatisfiable" for a well-formed range that starts past the end.
 */
export function requestedRange(header: string, size: number): { start: number; end: number } | "ignore" | "unsatisfiable" {
  const match = SINGLE_RANGE.exec(header.replace(/\s+/g, ""));
  if (!match) return "ignore";
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return "ignore";
  if (first === "") {
    // A suffix: the last N bytes, or the whole file when it is shorter.
    const length = Number(last);
    if (!Number.isSafeInteger(length)) return "ignore";
    if (length === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return "ignore";
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

/**
 * MLflow's `/get-artifact` is Flask's `send_file`, which answers conditional and range requests
 * (ETag, Last-Modified, 304, 206, 416); clients such as a log viewer reading a file's tail rely on it.
 * This decides the answer to a GET from its headers, validators before ranges as RFC 9110 13.2.2 orders them.
 */
export function fileAnswer(headers: FileRequestHeaders, file: FileVersion): FileAnswer {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    if (noneMatch(ifNoneMatch, entityTag(file))) return { status: 304 };
  } else if (headers["if-modified-since"] !== undefined) {
    const since = dateSeconds(headers["if-modified-since"]);
    if (since !== undefined && modifiedSeconds(file) <= since) return { status: 304 };
  }
  if (headers.range === undefined || !rangeStillValid(headers["if-range"], file)) return { status: 200 };
  const range = requestedRange(headers.range, file.size);
  if (range === "ignore") return { status: 200 };
  if (range === "unsatisfiable") return { status: 416 };
  return { status: 206, ...range };
}
