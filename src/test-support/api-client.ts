import type { FastifyInstance } from "fastify";
import { endpoints, type EndpointName, type ErrorCode, type RequestOf, type ResponseOf } from "../core/index.js";

export type ApiPrefix = "/api/2.0" | "/ajax-api/2.0";
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** One HTTP exchange, transport-neutral: `app.inject` in API tests, `fetch` against a listening server elsewhere. */
export interface RawRequest {
  method: string;
  /** Path and query string, e.g. `/api/2.0/mlflow/runs/get?run_id=…`. */
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  text: string;
  /** The parsed JSON body (`undefined` when the body is not JSON). */
  json: T;
}

export interface ErrorEnvelope {
  error_code: ErrorCode;
  message: string;
}

export type Transport = (request: RawRequest) => Promise<Omit<ApiResponse, "json">>;

/** What a caller may send: every field optional, so error tests can leave out required ones. */
export type WireRequest<N extends EndpointName> = Partial<RequestOf<N>>;

export function injectTransport(app: FastifyInstance): Transport {
  return async ({ method, url, headers, body }) => {
    const res = await app.inject({ method: method as "GET", url, headers: { ...headers }, ...(body === undefined ? {} : { payload: body }) });
    const flat: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(res.headers)) flat[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v === undefined ? undefined : String(v);
    return { status: res.statusCode, headers: flat, text: res.body };
  };
}

/** `baseUrl` like `http://127.0.0.1:5000`. */
export function fetchTransport(baseUrl: string): Transport {
  return async ({ method, url, headers, body }) => {
    const res = await fetch(`${baseUrl}${url}`, { method, headers: { ...headers }, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    const flat: Record<string, string | undefined> = {};
    res.headers.forEach((v, k) => (flat[k] = v));
    return { status: res.status, headers: flat, text };
  };
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function toQueryString(query: Query): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? (value as readonly (string | number)[]) : [value as string | number | boolean];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/**
 * A tiny typed client over the tracking API. `call` builds the request from the endpoint table
 * (GET → repeated query keys, POST → JSON body), so tests exercise the same routes MLflow clients do.
 */
export class ApiClient {
  constructor(
    private readonly transport: Transport,
    readonly prefix: ApiPrefix = "/api/2.0",
  ) {}

  /** The same client under the other prefix (`/ajax-api/2.0` for the web UI's routes). */
  withPrefix(prefix: ApiPrefix): ApiClient {
    return new ApiClient(this.transport, prefix);
  }

  async raw<T = unknown>(request: RawRequest): Promise<ApiResponse<T>> {
    const res = await this.transport(request);
    return { ...res, json: parseJson(res.text) as T };
  }

  /** POST with a JSON body (`body` is serialised unless it is already a string). */
  post<T = unknown>(path: string, body: unknown, headers: Readonly<Record<string, string>> = { "content-type": "application/json" }): Promise<ApiResponse<T>> {
    return this.raw<T>({ method: "POST", url: `${this.prefix}${path}`, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  }

  get<T = unknown>(path: string, query: Query = {}): Promise<ApiResponse<T>> {
    return this.raw<T>({ method: "GET", url: `${this.prefix}${path}${toQueryString(query)}` });
  }

  /** Calls an endpoint of the table by name with its client method (the first one listed). */
  call<N extends EndpointName>(name: N, request: WireRequest<N>): Promise<ApiResponse<ResponseOf<N>>> {
    const endpoint = endpoints[name];
    return endpoint.methods[0] === "GET" ? this.get(endpoint.path, request as Query) : this.post(endpoint.path, request);
  }

  /** Like `call`, but throws unless the answer is 200; returns the parsed body. */
  async ok<N extends EndpointName>(name: N, request: WireRequest<N>): Promise<ResponseOf<N>> {
    const res = await this.call(name, request);
    if (res.status !== 200) throw new Error(`${name} answered ${res.status}: ${res.text}`);
    return res.json;
  }
}
