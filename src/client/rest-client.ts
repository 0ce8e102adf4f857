import type {
  API_PREFIXES} from "../core/index.js";
import { decodeSampledMetricHistory } from "../core/charts/index.js";
import {
  decodeExperiment,
  decodeMetric,
  decodeRun,
  encodeJson,
  endpoints,
  isErrorCode,
  MlflowError,
  type EndpointName,
  type ErrorCode,
  type Experiment,
  type Metric,
  type RequestInputOf,
  type ResponseOf,
  type Run,
} from "../core/index.js";

export interface RestClientOptions {
  /** Server root, e.g. `http://127.0.0.1:5000`, or "" for same-origin calls from the web UI. */
  baseUrl: string;
  /** `/api/2.0` by default; the MLflow UI uses `/ajax-api/2.0`. */
  prefix?: (typeof API_PREFIXES)[number];
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Retries on 429, 5xx and network errors, with exponential backoff. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  timeoutMs?: number;
}

type Decoder = (body: Record<string, unknown>) => unknown;

const runResponse: Decoder = (b) => ({ ...b, run: decodeRun(b.run as Run) });
const metricsResponse: Decoder = (b) => ({ ...b, metrics: ((b.metrics as Metric[] | undefined) ?? []).map(decodeMetric) });

/** Per-endpoint restoration of omitted lists and NaN strings: the client's one wire-decoding point. */
const DECODERS: Partial<Record<EndpointName, Decoder>> = {
  getExperiment: (b) => ({ ...b, experiment: decodeExperiment(b.experiment as Experiment) }),
  getExperimentByName: (b) => ({ ...b, experiment: decodeExperiment(b.experiment as Experiment) }),
  searchExperiments: (b) => ({ ...b, experiments: ((b.experiments as Experiment[] | undefined) ?? []).map(decodeExperiment) }),
  createRun: runResponse,
  getRun: runResponse,
  searchRuns: (b) => ({ ...b, runs: ((b.runs as Run[] | undefined) ?? []).map(decodeRun) }),
  getMetricHistory: metricsResponse,
  getMetricHistoryBulkInterval: metricsResponse,
  getMetricHistoryBulk: metricsResponse,
  getSampledMetricHistory: decodeSampledMetricHistory,
};

function toQuery(request: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) params.append(key, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A typed client for MLflow's tracking REST API, built from the same endpoint table as the server. */
export class RestClient {
  private readonly fetchImpl: typeof fetch;

  constructor(readonly options: RestClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async call<N extends EndpointName>(name: N, request: RequestInputOf<N>): Promise<ResponseOf<N>> {
    const { response, url } = await this.request(name, request);
    const json = parseJsonBody(await response.text(), url);
    const decode = DECODERS[name];
    return (decode ? decode(json) : json) as ResponseOf<N>;
  }

  /**
   * `call` with the caller's decoder of the raw body (and its content type) in place of the
   * endpoint's JSON: for an answer in another layout (the web charts' binary columns). Failures
   * are the errors `call` throws.
   */
  async callRaw<N extends EndpointName, T>(name: N, request: RequestInputOf<N>, decode: (body: ArrayBuffer, contentType: string) => T): Promise<T> {
    const { response } = await this.request(name, request);
    return decode(await response.arrayBuffer(), response.headers.get("content-type") ?? "");
  }

  /** Sends a request: the successful response, or the error its failure is (after any retries). */
  private async request<N extends EndpointName>(name: N, request: RequestInputOf<N>): Promise<{ response: Response; url: string }> {
    const endpoint = endpoints[name];
    const method = endpoint.methods[0] ?? "POST";
    const prefix = "ajaxOnly" in endpoint && endpoint.ajaxOnly ? "/ajax-api/2.0" : (this.options.prefix ?? "/api/2.0");
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}${prefix}${endpoint.path}${method === "GET" ? toQuery(request) : ""}`;
    const init: RequestInit = {
      method,
      headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...this.options.headers },
      ...(method === "POST" ? { body: encodeJson(request) } : {}),
    };
    return { response: await this.send(url, init), url };
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const maxRetries = this.options.maxRetries ?? 0;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, { ...init, ...(this.options.timeoutMs ? { signal: AbortSignal.timeout(this.options.timeoutMs) } : {}) });
      } catch (error) {
        if (attempt < maxRetries) {
          await sleep(this.backoff(attempt));
          continue;
        }
        // fetch hides the reason (ECONNREFUSED, ENOTFOUND, a timeout) in `cause`.
        const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
        const reason = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : (error as Error).message;
        throw new MlflowError("TEMPORARILY_UNAVAILABLE", `Could not reach ${url}: ${reason}`);
      }
      if ((response.status === 429 || response.status >= 500) && attempt < maxRetries) {
        await sleep(this.backoff(attempt, response.headers.get("retry-after")));
        continue;
      }
      if (response.ok) return response;
      throw await errorOfResponse(response);
    }
  }

  private backoff(attempt: number, retryAfter?: string | null): number {
    const fromHeader = retryAfter ? Number(retryAfter) * 1000 : NaN;
    if (Number.isFinite(fromHeader)) return fromHeader;
    const base = this.options.retryBaseDelayMs ?? 200;
    return base * 2 ** attempt * (0.5 + Math.random() / 2);
  }
}

/** A successful answer's JSON body (empty is `{}`); INTERNAL_ERROR naming `source` when it is not JSON. */
export function parseJsonBody(text: string, source: string): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new MlflowError("INTERNAL_ERROR", `Invalid JSON from ${source}`);
  }
}

/**
 * The error a failed answer is: MLflow's envelope when the body holds one, otherwise a code made up
 * from the status with the body's start as the message. Exported for callers that fetch a route
 * outside the endpoint table themselves (the web UI's artifact previews, from `/get-artifact`).
 */
export async function errorOfResponse(response: Response): Promise<MlflowError> {
  const text = await response.text().catch(() => "");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return errorFromResponse(response.status, parsed, text);
}

/**
 * The code for a failed answer without MLflow's envelope, e.g. from a proxy or load balancer in front
 * of the server: a 503 is "try again later", not a server bug, and the UI words them differently.
 */
function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "UNAUTHENTICATED";
    case 403:
      return "PERMISSION_DENIED";
    case 404:
      return "ENDPOINT_NOT_FOUND";
    case 429:
      return "REQUEST_LIMIT_EXCEEDED";
    case 502:
    case 503:
      return "TEMPORARILY_UNAVAILABLE";
    case 504:
      return "DEADLINE_EXCEEDED";
    default:
      return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
  }
}

function errorFromResponse(status: number, parsed: unknown, text: string): MlflowError {
  const envelope = parsed as { error_code?: unknown; message?: unknown } | undefined;
  const code = isErrorCode(envelope?.error_code) ? envelope.error_code : codeOfStatus(status);
  const message = typeof envelope?.message === "string" ? envelope.message : text.slice(0, 500) || `HTTP ${status}`;
  return new MlflowError(code, message);
}
