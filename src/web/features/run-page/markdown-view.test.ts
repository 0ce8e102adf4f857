import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView, safeUrl } from "./markdown-view.js";

describe("safeUrl", () => {
  it.each(["https://example.com/a?b=c", "http://x", "mailto:me@example.com", "#section", "/experiments/1", "./relative", "../up", "plain-path", "/search?q=a:b", "//cdn.example/x.png"])("keeps %s", (url) => {
    expect(safeUrl(url, "href", { type: "element", tagName: "a", properties: {}, children: [] })).toBe(url);
  });
  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x", "java\tscript:alert(1)x:"])("drops %s", (url) => {
    expect(safeUrl(url, "href", { type: "element", tagName: "a", properties: {}, children: [] })).toBe("");
  });
});

describe("MarkdownView", () => {
  const html = (text: string) => renderToStaticMarkup(createElement(MarkdownView, { text }));

  it("renders GitHub-flavoured tables, task lists and strikethrough, as MLflow's notes do", () => {
    const out = html("| lr | loss |\n|---|---|\n| 0.1 | 0.25 |\n\n- [x] sweep\n- [ ] rerun\n\n~~old~~");
    expect(out).toContain("<table>");
    expect(out).toContain("<td>0.25</td>");
    expect(out).toMatch(/<input type="checkbox" disabled="" checked=""\/> ?sweep/);
    expect(out).toContain("<del>old</del>");
  });

  it("stays inert with the GFM extensions: no raw HTML, no javascript: links, autolinks checked too", () => {
    const out = html('<img src=x onerror=alert(1)>\n\n| a |\n|---|\n| <script>alert(1)</script> |\n\n[x](javascript:alert(1)) www.example.com javascript:alert(2)');
    expect(out).not.toMatch(/<img|<script|onerror|href="javascript/i);
    expect(out).toContain('href="http://www.example.com"');
  });
});
