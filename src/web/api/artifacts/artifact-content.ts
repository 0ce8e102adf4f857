import { MlflowError } from "../../../core/index.js";
import { errorOfResponse } from "../../../client/rest-client.js";

/** The first bytes of a stream, read no further than needed. */
export interface CappedBytes {
  bytes: Uint8Array;
  /** More bytes followed the cap: the stream was cancelled there, the rest never downloaded. */
  overflowed: boolean;
}

/**
 * Reads `body` up to `cap` bytes. Once a chunk goes past the cap the stream is cancelled, which
 * aborts the download: previewing a 2 GB log reads about `cap` bytes of it, not 2 GB.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, cap: number): Promise<CappedBytes> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let overflowed = false;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > cap) {
        chunks.push(value.subarray(0, cap - length));
        length = cap;
        overflowed = true;
        // Not awaited: a source may take its time to wind down, and nothing more is wanted from it.
        reader.cancel().catch(() => undefined);
        break;
      }
      chunks.push(value);
      length += value.length;
    }
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, overflowed };
}

/**
 * UTF-8 text of the bytes (a byte-order mark dropped). When the bytes were cut, a character split
 * by the cut is left out rather than shown as U+FFFD; invalid bytes elsewhere become U+FFFD.
 */
export function decodeText(bytes: Uint8Array, cut: boolean): string {
  return new TextDecoder("utf-8").decode(bytes, { stream: cut });
}

export interface ArtifactText {
  text: string;
  /** Bytes the text was decoded from (at most the cap). */
  bytesRead: number;
  /** The file holds more than was read. */
  truncated: boolean;
  /** The file's full size when known: the server's Content-Range or Content-Length, else the listing's. */
  totalBytes: number | undefined;
}

export interface FetchTextOptions {
  /** Read at most this many bytes. */
  cap: number;
  /** The size the listing gave: above the cap, only the first `cap` bytes are asked for (Range). */
  size?: number | undefined;
  signal?: AbortSignal | undefined;
  fetch?: typeof fetch;
}

const HTML_TYPE = /^\s*text\/html\b/i;


/**
 * The answer was the web UI's own page, not the file: a proxy or dev server that does not forward
 * `/get-artifact` falls back to index.html for it. No artifact is ever served as text/html (MLflow
 * and Tracklet both send HTML artifacts as text/plain), so this is never a real file.
 */
function servedAppPage(response: Response): MlflowError | undefined {
  if (!HTML_TYPE.test(response.headers.get("content-type") ?? "")) return undefined;
  return new MlflowError("ENDPOINT_NOT_FOUND", "The server answered /get-artifact with a web page instead of the file: the server or proxy in front of it does not serve MLflow's artifact download route.");
}

function totalFromHeaders(response: Response): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "")?.[1];
  if (range !== undefined) return Number(range);
  const length = response.headers.get("content-length");
  // A compressed body's length is not the file's.
  const plain = !response.headers.get("content-encoding") || response.headers.get("content-encoding") === "identity";
  return response.status === 200 && plain && length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
}

/**
 * The start of a text artifact: at most `cap` bytes, decoded as UTF-8. A file the listing says is
 * larger than the cap is asked for with `Range: bytes=0-<cap-1>`; a server that ignores the range
 * (Tracklet streams the whole file) is cut off at the cap all the same, so no more than about `cap`
 * bytes cross the network either way.
 */
export async function fetchArtifactText(url: string, options: FetchTextOptions): Promise<ArtifactText> {
  const { cap, size, signal } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const ranged = size !== undefined && size > cap;
  const response = await fetchImpl(url, { ...(ranged ? { headers: { range: `bytes=0-${cap - 1}` } } : {}), ...(signal ? { signal } : {}) });
  if (!response.ok) throw await errorOfResponse(response);
  const appPage = servedAppPage(response);
  if (appPage) {
    response.body?.cancel().catch(() => undefined);
    throw appPage;
  }
  const totalBytes = totalFromHeaders(response) ?? size;
  const { bytes, overflowed } = await readCapped(response.body, cap);
  const truncated = overflowed || (totalBytes !== undefined && bytes.length < totalBytes);
  return { text: decodeText(bytes, truncated), bytesRead: bytes.length, truncated, totalBytes };
}

/**
 * Why an artifact could not be loaded (an `<img>` only says that it failed): requests the URL again
 * and throws the server's error; resolves when the server now answers 200. The body is not read.
 */
export async function probeArtifact(url: string, options: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<void> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const response = await fetchImpl(url, options.signal ? { signal: options.signal } : {});
  if (!response.ok) throw await errorOfResponse(response);
  response.body?.cancel().catch(() => undefined);
  const appPage = servedAppPage(response);
  if (appPage) throw appPage;
}
