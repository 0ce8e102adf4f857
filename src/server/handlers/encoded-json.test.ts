import { describe, expect, it } from "vitest";
import { encodeJson } from "../../core/index.js";
import { encodeRunsPage, EncodedJson } from "./encoded-json.js";

describe("EncodedJson.toBytes", () => {
  it.each([
    ["no pieces", []],
    ["ascii pieces", ['{"a":', "1", "}"]],
    ["multi-byte and astral characters", ['{"k":"naïve 日本語 📉', '"}']],
    ["a lone surrogate (written as U+FFFD)", ['"a\ud800b"']],
    ["many pieces", Array.from({ length: 5000 }, (_, i) => `{"key":"p${i}","value":"v-${i}-é"},`)],
  ])("is the UTF-8 of the concatenated pieces: %s", (_name, parts: string[]) => {
    expect(new EncodedJson(parts).toBytes().equals(Buffer.from(parts.join(""), "utf8"))).toBe(true);
  });
});

describe("encodeRunsPage", () => {
  const runs = [{ info: { run_id: "a" } }, { info: { run_id: "b", run_name: 'q"uote' } }];
  it.each([
    ["a page with a token", { items: runs, next_page_token: "eyJvZmZzZXQiOiAyfQ==" }],
    ["a last page", { items: runs }],
    ["an empty page", { items: [] }],
  ])("equals encodeJson of the same page: %s", (_name, page: { items: object[]; next_page_token?: string }) => {
    const text = encodeRunsPage({ ...page, items: page.items.map((r) => encodeJson(r)) }).toBytes().toString("utf8");
    expect(text).toBe(encodeJson({ runs: page.items, next_page_token: page.next_page_token }));
  });
});
