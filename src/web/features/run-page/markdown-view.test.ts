import { describe, expect, it } from "vitest";
import { safeUrl } from "./markdown-view.js";

describe("safeUrl", () => {
  it.each(["https://example.com/a?b=c", "http://x", "mailto:me@example.com", "#section", "/experiments/1", "./relative", "../up", "plain-path", "/search?q=a:b", "//cdn.example/x.png"])("keeps %s", (url) => {
    expect(safeUrl(url, "href", { type: "element", tagName: "a", properties: {}, children: [] })).toBe(url);
  });
  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x", "java\tscript:alert(1)x:"])("drops %s", (url) => {
    expect(safeUrl(url, "href", { type: "element", tagName: "a", properties: {}, children: [] })).toBe("");
  });
});
