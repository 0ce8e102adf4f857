import { describe, expect, it } from "vitest";
import { entityTag, fileAnswer, requestedRange } from "./file-answer.js";

const file = { size: 1000, modified: new Date("2026-11-29T10:00:00.750Z") };
const tag = entityTag(file);
const lastModified = file.modified.toUTCString();

describe("requestedRange", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["bytes = 10 - 19", { start: 10, end: 19 }],
    ["bytes=999-999", { start: 999, end: 999 }],
  ])("%s reads %o", (header, range) => {
    expect(requestedRange(header, file.size)).toEqual(range);
  });

  it.each(["items=0-9", "bytes=0-9,20-29", "bytes=-", "bytes=9-0", "bytes=a-b", "bytes=0x10-", "bytes=99999999999999999999-"])("ignores %s: the whole file is a valid answer", (header) => {
    expect(requestedRange(header, file.size)).toBe("ignore");
  });

  it("refuses a range that starts past the end, an empty suffix, and any range of an empty file", () => {
    expect(requestedRange("bytes=1000-", file.size)).toBe("unsatisfiable");
    expect(requestedRange("bytes=-0", file.size)).toBe("unsatisfiable");
    expect(requestedRange("bytes=0-0", 0)).toBe("unsatisfiable");
    expect(requestedRange("bytes=-10", 0)).toBe("unsatisfiable");
  });
});

describe("fileAnswer", () => {
  it("sends the whole file to a plain request", () => {
    expect(fileAnswer({}, file)).toEqual({ status: 200 });
  });

  it("answers 304 to a matching If-None-Match, weak or in a list, and to *", () => {
    expect(fileAnswer({ "if-none-match": tag }, file)).toEqual({ status: 304 });
    expect(fileAnswer({ "if-none-match": `"x", W/${tag}` }, file)).toEqual({ status: 304 });
    expect(fileAnswer({ "if-none-match": "*" }, file)).toEqual({ status: 304 });
    expect(fileAnswer({ "if-none-match": '"other"' }, file)).toEqual({ status: 200 });
  });

  it("answers 304 to If-Modified-Since at or after the file's second, unless If-None-Match is there and differs", () => {
    expect(fileAnswer({ "if-modified-since": lastModified }, file)).toEqual({ status: 304 });
    expect(fileAnswer({ "if-modified-since": new Date("2026-11-29T09:59:59Z").toUTCString() }, file)).toEqual({ status: 200 });
    expect(fileAnswer({ "if-modified-since": "yesterday" }, file)).toEqual({ status: 200 });
    expect(fileAnswer({ "if-none-match": '"other"', "if-modified-since": lastModified }, file)).toEqual({ status: 200 });
  });

  it("serves a range, 416 for one past the end", () => {
    expect(fileAnswer({ range: "bytes=-10" }, file)).toEqual({ status: 206, start: 990, end: 999 });
    expect(fileAnswer({ range: "bytes=2000-" }, file)).toEqual({ status: 416 });
  });

  it("serves a range under If-Range only for the same version, the whole file otherwise", () => {
    expect(fileAnswer({ range: "bytes=0-9", "if-range": tag }, file)).toEqual({ status: 206, start: 0, end: 9 });
    expect(fileAnswer({ range: "bytes=0-9", "if-range": lastModified }, file)).toEqual({ status: 206, start: 0, end: 9 });
    expect(fileAnswer({ range: "bytes=0-9", "if-range": `W/${tag}` }, file)).toEqual({ status: 200 });
    expect(fileAnswer({ range: "bytes=0-9", "if-range": entityTag({ size: 1001, modified: file.modified }) }, file)).toEqual({ status: 200 });
    expect(fileAnswer({ range: "bytes=0-9", "if-range": new Date("2026-01-01T00:00:00Z").toUTCString() }, file)).toEqual({ status: 200 });
  });

  it("gives a new tag when the file grows or is rewritten", () => {
    expect(entityTag({ size: 1001, modified: file.modified })).not.toBe(tag);
    expect(entityTag({ size: 1000, modified: new Date(file.modified.getTime() + 1) })).not.toBe(tag);
  });
});
