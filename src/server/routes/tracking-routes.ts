import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  API_PREFIXES,
  encodeJson,
  endpoints,
  MlflowError,
  parseJsonMessage,
  parseQueryMessage,
  type Endpoint,
  type EndpointName,
  type QueryParams,
} from "../../core/index.js";
import { SAMPLED_BINARY_CONTENT_TYPE } from "../../core/charts/index.js";
import { EncodedJson } from "../handlers/encoded-json.js";
import { StreamedBinary } from "../handlers/streamed-binary.js";
import { StreamedJson } from "../handlers/streamed-json.js";
import { trackingHandlers, type Handler, type HandlerContext } from "../handlers/tracking-handlers.js";
import { assertJsonContentType } from "../plugins/json-body.js";

const ALL_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;

function parseRequest(endpoint: Endpoint, request: FastifyRequest): unknown {
  if (request.method === "GET" || request.method === "HEAD") {
    const query = request.query as QueryParams;
    return parseQueryMessage(endpoint.request, query);
  }
  assertJsonContentType(request);
  return parseJsonMessage(endpoint.request, request.body);
}

/** Registers every endpoint of the table under `/api/2.0` and `/ajax-api/2.0`. */
export function registerTrackingRoutes(app: FastifyInstance, ctx: HandlerContext): void {
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const handler = trackingHandlers[name] as Handler<EndpointName>;
    const serve = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      // HEAD is answered like GET (headers only), as Flask does.
      const method = request.method === "HEAD" ? "GET" : request.method;
      if (!endpoint.methods.includes(method as "GET" | "POST")) {
        throw Object.assign(new MlflowError("BAD_REQUEST", `Method ${request.method} is not allowed for ${request.url.split("?")[0]}; use ${endpoint.methods.join(" or ")}.`), {
          httpStatusOverride: 405,
        });
      }
      const parsed = parseRequest(endpoint, request) as Parameters<typeof handler>[0];
      const response = await handler(parsed, ctx);
      // Returning the reply tells Fastify the answer is on its way, which a stream needs.
      if (response instanceof StreamedJson) return reply.type("application/json").send(Readable.from(response.chunks));
      if (response instanceof StreamedBinary) return reply.type(SAMPLED_BINARY_CONTENT_TYPE).send(Readable.from(response.chunks));
      if (response instanceof EncodedJson) return reply.type("application/json").send(response.toBytes());
      // Encoded to bytes once: a string body would be measured for Content-Length and then
      // encoded again on write (a runs/search page is ~300 KB).
      return reply.type("application/json").send(Buffer.from(encodeJson(response)));
    };
    for (const prefix of API_PREFIXES) {
      if (endpoint.ajaxOnly && prefix !== "/ajax-api/2.0") continue;
      app.route({ method: [...ALL_METHODS], url: `${prefix}${endpoint.path}`, handler: serve });
    }
  }
}
