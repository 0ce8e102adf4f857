import { afterEach, describe, expect, it, vi } from "vitest";
import { copyText } from "./copy-text.js";

/** Just enough of `document` for the textarea fallback; `copies` says what execCommand answers. */
function fakeDocument(copies: boolean) {
  const area = { value: "", style: {}, setAttribute: vi.fn(), select: vi.fn(), remove: vi.fn() };
  const doc = {
    activeElement: null,
    body: { appendChild: vi.fn() },
    createElement: vi.fn(() => area),
    execCommand: vi.fn(() => copies),
  };
  vi.stubGlobal("document", doc);
  return { doc, area };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("copyText", () => {
  it("uses the Clipboard API when there is one", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    const { doc } = fakeDocument(true);
    await copyText("abc");
    expect(writeText).toHaveBeenCalledWith("abc");
    expect(doc.execCommand).not.toHaveBeenCalled();
  });

  it("falls back to a selected textarea without the API (plain http), and cleans up", async () => {
    vi.stubGlobal("navigator", {});
    const { doc, area } = fakeDocument(true);
    await copyText("abc");
    expect(area.value).toBe("abc");
    expect(doc.execCommand).toHaveBeenCalledWith("copy");
    expect(area.remove).toHaveBeenCalled();
  });

  it("falls back when the API refuses, and fails when the fallback does too", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: () => Promise.reject(new Error("denied")) } });
    fakeDocument(true);
    await expect(copyText("abc")).resolves.toBeUndefined();
    fakeDocument(false);
    await expect(copyText("abc")).rejects.toThrow("denied");
  });
});
