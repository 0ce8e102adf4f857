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

/** The last bytes of a stream read to its end, and how many it held in all. */
export interface TailBytes {
  bytes: Uint8Array;
  total: number;
}

/**
 * Reads `body` to its end keeping only its last `cap` bytes: what a server that ignores a suffix
 * Range sends is the whole file, and a 5 GB log must not be held whole to show its end.
 */
export async function readTail(body: ReadableStream<Uint8Array> | null, cap: number): Promise<TailBytes> {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let total = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      kept += value.length;
      total += value.length;
      // Drops whole chunks that lie entirely before the last `cap` bytes; the one straddling it stays.
      while (chunks.length > 1 && kept - (chunks[0]?.length ?? 0) >= cap) kept -= chunks.shift()?.length ?? 0;
    }
  }
  const bytes = new Uint8Array(kept);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes: kept > cap ? bytes.subarray(kept - cap) : bytes, total };
}

/**
 * UTF-8 text of the bytes (a byte-order mark dropped). When the bytes were cut, a character split
 * by the cut is left out rather than shown as U+FFFD; invalid bytes elsewhere become U+FFFD.
 */
export function decodeText(bytes: Uint8Array, cut: boolean): string {
  return new TextDecoder("utf-8").decode(bytes, { stream: cut });
}

/** A log line longer than this is not looked past for the start of the next one. */
const LINE_SEARCH_BYTES = 4096;

/**
 * UTF-8 text of the end of a file. When bytes before it were left out, the text starts at the
 * first whole line (the end of a log reads from a line's start), or when no line ends near the
 * start, at the first whole character: a character split by the cut is dropped, not shown as U+FFFD.
 */
export function decodeTail(bytes: Uint8Array, cut: boolean): string {
  let start = 0;
  if (cut) {
    const feed = bytes.subarray(0, LINE_SEARCH_BYTES).indexOf(0x0a);
    if (feed >= 0 && feed + 1 < bytes.length) start = feed + 1;
    else while (start < 3 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  }
  return new TextDecoder("utf-8").decode(bytes.subarray(start));
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

/** `Content-Range: bytes <first>-<last>/<total>` (total may be `*`). */
function contentRange(response: Response): { first: number; total: number | undefined } | undefined {
  const match = /^\s*bytes\s+(\d+)-\d+\/(\d+|\*)\s*$/i.exec(response.headers.get("content-range") ?? "");
  if (!match) return undefined;
  return { first: Number(match[1]), total: match[2] === "*" ? undefined : Number(match[2]) };
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
 * The end of a text artifact: its last `cap` bytes, decoded as UTF-8, for a log's latest lines.
 * Asked for with a suffix range, `Range: bytes=-<cap>`: a server that supports ranges (MLflow's)
 * answers 206 with just those bytes; one that does not answers 200 with the whole file, which is
 * streamed through keeping only its last `cap` bytes. `truncated`: the file has more before them.
 */
export async function fetchArtifactTail(url: string, options: Omit<FetchTextOptions, "size">): Promise<ArtifactText> {
  const { cap, signal } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const response = await fetchImpl(url, { headers: { range: `bytes=-${cap}` }, ...(signal ? { signal } : {}) });
  if (!response.ok) throw await errorOfResponse(response);
  const appPage = servedAppPage(response);
  if (appPage) {
    response.body?.cancel().catch(() => undefined);
    throw appPage;
  }
  if (response.status === 206) {
    const range = contentRange(response);
    // Capped all the same: a server may send more than it was asked for.
    const { bytes } = await readCapped(response.body, cap);
    const totalBytes = range?.total;
    const first = range?.first ?? (totalBytes !== undefined ? totalBytes - bytes.length : 0);
    const truncated = first > 0;
    return { text: decodeTail(bytes, truncated), bytesRead: bytes.length, truncated, totalBytes };
  }
  const { bytes, total } = await readTail(response.body, cap);
  const truncated = total > bytes.length;
  return { text: decodeTail(bytes, truncated), bytesRead: bytes.length, truncated, totalBytes: total };
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
