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
    const decode = DECODERS[name];
    return this.callDecoded(name, request, (json) => (decode ? decode(json) : json) as ResponseOf<N>);
  }

  /**
   * `call` with the caller's decoder of the response body in place of the endpoint's: for a caller
   * that wants the answer in another shape (the web charts' typed columns) without building the
   * standard one first.
   */
  async callDecoded<N extends EndpointName, T>(name: N, request: RequestInputOf<N>, decode: (body: Record<string, unknown>) => T): Promise<T> {
    const method = endpoints[name].methods[0] ?? "POST";
    const body = request as Record<string, unknown>;
    const url = this.urlOf(name, request);
    const init: RequestInit = {
      method,
      headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...this.options.headers },
      ...(method === "POST" ? { body: encodeJson(body) } : {}),
    };
    return decode(await this.send(url, init));
  }

  /** The URL `call` requests (with the query string of a GET endpoint). */
  urlOf<N extends EndpointName>(name: N, request: RequestInputOf<N>): string {
    const endpoint = endpoints[name];
    const method = endpoint.methods[0] ?? "POST";
    const prefix = "ajaxOnly" in endpoint && endpoint.ajaxOnly ? "/ajax-api/2.0" : (this.options.prefix ?? "/api/2.0");
    return `${this.options.baseUrl.replace(/\/+$/, "")}${prefix}${endpoint.path}${method === "GET" ? toQuery(request) : ""}`;
  }

  private async send(url: string, init: RequestInit): Promise<Record<string, unknown>> {
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
      const text = await response.text();
      let parsed: unknown = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        if (response.ok) throw new MlflowError("INTERNAL_ERROR", `Invalid JSON from ${url}`);
      }
      if (!response.ok) throw errorFromResponse(response.status, parsed, text);
      return parsed as Record<string, unknown>;
    }
  }

  private backoff(attempt: number, retryAfter?: string | null): number {
    const fromHeader = retryAfter ? Number(retryAfter) * 1000 : NaN;
    if (Number.isFinite(fromHeader)) return fromHeader;
    const base = this.options.retryBaseDelayMs ?? 200;
    return base * 2 ** attempt * (0.5 + Math.random() / 2);
  }
}

/** The error `call` throws for a failed response (its status and body text), for callers that fetch on their own. */
export function responseError(status: number, text: string): MlflowError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return errorFromResponse(status, parsed, text);
}

function errorFromResponse(status: number, parsed: unknown, text: string): MlflowError {
  const envelope = parsed as { error_code?: unknown; message?: unknown } | undefined;
  const code = isErrorCode(envelope?.error_code) ? envelope.error_code : status === 404 ? "ENDPOINT_NOT_FOUND" : status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
  const message = typeof envelope?.message === "string" ? envelope.message : text.slice(0, 500) || `HTTP ${status}`;
  return new MlflowError(code, message);
}
