import { describe, expect, it } from "vitest";
import { isMlflowError } from "../../../core/index.js";
import { decodeTail, decodeText, fetchArtifactTail, fetchArtifactText, probeArtifact, readCapped, readTail } from "./artifact-content.js";

const encoder = new TextEncoder();

/** A stream of the given chunks that records how many were pulled and whether it was cancelled. */
function chunked(chunks: readonly (string | Uint8Array)[]) {
  const log = { pulled: 0, cancelled: false };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk === undefined) return controller.close();
      log.pulled++;
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
    cancel() {
      log.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, log };
}

describe("readCapped", () => {
  it("reads a stream shorter than the cap to its end", async () => {
    const { stream, log } = chunked(["ab", "cd"]);
    const { bytes, overflowed } = await readCapped(stream, 10);
    expect(new TextDecoder().decode(bytes)).toBe("abcd");
    expect(overflowed).toBe(false);
    expect(log.cancelled).toBe(false);
  });

  it("keeps exactly `cap` bytes, stops pulling and cancels the stream past the cap", async () => {
    const { stream, log } = chunked(["abc", "def", "ghi", "jkl"]);
    const { bytes, overflowed } = await readCapped(stream, 5);
    expect(new TextDecoder().decode(bytes)).toBe("abcde");
    expect(overflowed).toBe(true);
    expect(log.pulled).toBe(2);
    await Promise.resolve();
    expect(log.cancelled).toBe(true);
  });

  it("is not cut by a stream of exactly `cap` bytes", async () => {
    const { stream } = chunked(["abc", "de"]);
    expect((await readCapped(stream, 5)).overflowed).toBe(false);
  });

  it("reads nothing from no body", async () => {
    expect(await readCapped(null, 5)).toEqual({ bytes: new Uint8Array(0), overflowed: false });
  });
});

describe("readTail", () => {
  it("reads the stream to its end and keeps its last `cap` bytes", async () => {
    const { stream, log } = chunked(["abc", "def", "ghi", "jk"]);
    const { bytes, total } = await readTail(stream, 4);
    expect(new TextDecoder().decode(bytes)).toBe("hijk");
    expect(total).toBe(11);
    expect(log.pulled).toBe(4);
  });

  it("keeps all of a stream shorter than the cap, and nothing of no body", async () => {
    expect(new TextDecoder().decode((await readTail(chunked(["ab", "c"]).stream, 10)).bytes)).toBe("abc");
    expect(await readTail(null, 5)).toEqual({ bytes: new Uint8Array(0), total: 0 });
  });
});

describe("decodeTail", () => {
  it("starts a cut end at its first whole line", () => {
    expect(decodeTail(encoder.encode("ss 0.5\nstep 2 loss 0.4\n"), true)).toBe("step 2 loss 0.4\n");
    expect(decodeTail(encoder.encode("ss 0.5\nstep 2 loss 0.4\n"), false)).toBe("ss 0.5\nstep 2 loss 0.4\n");
    // No line feed but the last byte: nothing would be left, so the line is kept.
    expect(decodeTail(encoder.encode("one long line\n"), true)).toBe("one long line\n");
  });

  it("drops the rest of a character split by a cut before it, when no line ends near the start", () => {
    const bytes = encoder.encode("größe 📈");
    expect(decodeTail(bytes.subarray(3), true)).toBe("ße 📈"); // the cut splits "ö"
    expect(decodeTail(bytes.subarray(bytes.length - 3), true)).toBe(""); // three of the emoji's four bytes
    expect(decodeTail(bytes, false)).toBe("größe 📈");
  });
});

describe("decodeText", () => {
  it("drops a character split by the cut, but not one at the end of a whole file", () => {
    const bytes = encoder.encode("größe");
    const cut = bytes.subarray(0, 3); // "g", "r" and the first byte of "ö"
    expect(decodeText(cut, true)).toBe("gr");
    expect(decodeText(cut, false)).toBe("gr\uFFFD");
    expect(decodeText(bytes, false)).toBe("größe");
  });

  it("drops a byte-order mark", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), false)).toBe("a");
  });
});

/** A fetch stand-in answering `response` and recording the request it got. */
function fakeFetch(make: () => Response) {
  const calls: { url: string; headers: Headers }[] = [];
  const impl = ((url: string, init?: RequestInit) => {
    calls.push({ url, headers: new Headers(init?.headers) });
    return Promise.resolve(make());
  }) as typeof fetch;
  return { impl, calls };
}

describe("fetchArtifactText", () => {
  it("reads a small file whole, without a Range header", async () => {
    const { impl, calls } = fakeFetch(() => new Response("hello\n", { headers: { "content-type": "text/plain; charset=utf-8", "content-length": "6" } }));
    expect(await fetchArtifactText("/get-artifact?path=a.txt&run_uuid=r", { cap: 100, size: 6, fetch: impl })).toEqual({ text: "hello\n", bytesRead: 6, truncated: false, totalBytes: 6 });
    expect(calls[0]?.headers.has("range")).toBe(false);
  });

  it("asks for the first `cap` bytes of a file the listing says is larger, and cuts at the cap when the range is ignored", async () => {
    const big = "x".repeat(50);
    const { impl, calls } = fakeFetch(() => new Response(big, { headers: { "content-type": "text/plain", "content-length": "50" } }));
    const result = await fetchArtifactText("/u", { cap: 10, size: 50, fetch: impl });
    expect(calls[0]?.headers.get("range")).toBe("bytes=0-9");
    expect(result).toEqual({ text: "x".repeat(10), bytesRead: 10, truncated: true, totalBytes: 50 });
  });

  it("takes a 206 answer's total from Content-Range", async () => {
    const { impl } = fakeFetch(() => new Response("0123456789", { status: 206, headers: { "content-type": "text/plain", "content-range": "bytes 0-9/2147483648" } }));
    expect(await fetchArtifactText("/u", { cap: 10, size: 2_147_483_648, fetch: impl })).toMatchObject({ bytesRead: 10, truncated: true, totalBytes: 2_147_483_648 });
  });

  it("notices a file that grew past the cap since it was listed", async () => {
    const { impl } = fakeFetch(() => new Response("y".repeat(30), { headers: { "content-type": "text/plain" } }));
    expect(await fetchArtifactText("/u", { cap: 20, size: 5, fetch: impl })).toMatchObject({ bytesRead: 20, truncated: true, totalBytes: 5 });
  });

  it("throws the server's MLflow error for a failed download", async () => {
    const body = JSON.stringify({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "No artifact file at 'gone.txt'" });
    const { impl } = fakeFetch(() => new Response(body, { status: 404, headers: { "content-type": "application/json" } }));
    const error: unknown = await fetchArtifactText("/u", { cap: 10, fetch: impl }).catch((e: unknown) => e);
    expect(isMlflowError(error) && error.errorCode).toBe("RESOURCE_DOES_NOT_EXIST");
    expect((error as Error).message).toBe("No artifact file at 'gone.txt'");
  });

  it("refuses the web UI's index page answered in place of the file", async () => {
    const { impl } = fakeFetch(() => new Response("<!doctype html><title>Tracklet</title>", { headers: { "content-type": "text/html; charset=utf-8" } }));
    await expect(fetchArtifactText("/u", { cap: 10, fetch: impl })).rejects.toThrow(/web page instead of the file/);
  });
});

describe("fetchArtifactTail", () => {
  it("asks for the last `cap` bytes and takes a 206 answer with its Content-Range", async () => {
    const { impl, calls } = fakeFetch(() => new Response("end of log\n", { status: 206, headers: { "content-type": "text/plain", "content-range": "bytes 5242869-5242879/5242880" } }));
    expect(await fetchArtifactTail("/u", { cap: 11, fetch: impl })).toEqual({ text: "end of log\n", bytesRead: 11, truncated: true, totalBytes: 5_242_880 });
    expect(calls[0]?.headers.get("range")).toBe("bytes=-11");
  });

  it("reads a 206 for a file smaller than the cap as the whole file", async () => {
    const { impl } = fakeFetch(() => new Response("short", { status: 206, headers: { "content-type": "text/plain", "content-range": "bytes 0-4/5" } }));
    expect(await fetchArtifactTail("/u", { cap: 100, fetch: impl })).toEqual({ text: "short", bytesRead: 5, truncated: false, totalBytes: 5 });
  });

  it("keeps the end of a 200 answer from a server without ranges, the file's size being all it read", async () => {
    const { impl } = fakeFetch(() => new Response("line 1\nline 2\nline 3\n", { headers: { "content-type": "text/plain" } }));
    expect(await fetchArtifactTail("/u", { cap: 10, fetch: impl })).toEqual({ text: "line 3\n", bytesRead: 10, truncated: true, totalBytes: 21 });
  });

  it("throws the server's error", async () => {
    const body = JSON.stringify({ error_code: "INVALID_PARAMETER_VALUE", message: "Invalid path" });
    const { impl } = fakeFetch(() => new Response(body, { status: 400, headers: { "content-type": "application/json" } }));
    await expect(fetchArtifactTail("/u", { cap: 10, fetch: impl })).rejects.toThrow("Invalid path");
  });
});

describe("probeArtifact", () => {
  it("resolves for a file that is there and throws the server's error otherwise", async () => {
    await expect(probeArtifact("/u", { fetch: fakeFetch(() => new Response("png bytes", { headers: { "content-type": "image/png" } })).impl })).resolves.toBeUndefined();
    const missing = fakeFetch(() => new Response(JSON.stringify({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "No artifact file at 'a.png'" }), { status: 404 }));
    await expect(probeArtifact("/u", { fetch: missing.impl })).rejects.toThrow("No artifact file at 'a.png'");
  });
});
