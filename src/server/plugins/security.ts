import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MlflowError } from "../../core/index.js";

export interface SecurityOptions {
  /** Extra Host header values allowed (`*` wildcards), as MLflow's --allowed-hosts. */
  allowedHosts?: readonly string[];
  /** Extra browser origins allowed to change state and to read with CORS. */
  corsAllowedOrigins?: readonly string[];
  /** MLflow's MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE, for deployments behind their own proxy. */
  disabled?: boolean;
}

// MLflow 3.5's defaults: loopback names and private address ranges, with any port.
const DEFAULT_HOSTS = ["localhost", "127.0.0.1", "[::1]", "0.0.0.0", "10.*", "192.168.*", ...Array.from({ length: 16 }, (_, i) => `172.${16 + i}.*`), "[fc00:*", "[fd00:*"];
const API_PATH = /^\/(api|ajax-api)\//;
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
const STATE_CHANGING = new Set(["POST", "PUT", "DELETE", "PATCH"]);

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

function forbidden(message: string): MlflowError {
  return new MlflowError("PERMISSION_DENIED", message);
}

/**
 * Defences of MLflow 3.5's security middleware (CVE-2025-14279 DNS rebinding, CVE-2023-43472
 * CSRF): a Host allowlist, cross-origin state changes refused, CORS only for local or configured
 * origins, and nosniff / SAMEORIGIN headers on every response. Hosts are compared case-insensitively.
 */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): void {
  const hostPatterns = [...DEFAULT_HOSTS, ...(options.allowedHosts ?? [])].map((h) => wildcard(h));
  const origins = new Set((options.corsAllowedOrigins ?? []).map((o) => o.toLowerCase().replace(/\/$/, "")));
  const originAllowed = (origin: string): boolean => LOCAL_ORIGIN.test(origin) || origins.has(origin.toLowerCase()) || origins.has("*");

  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done) => {
    void reply.header("x-content-type-options", "nosniff").header("x-frame-options", "SAMEORIGIN");
    if (options.disabled) return done();
    const path = request.url.split("?")[0] ?? "/";
    if (path !== "/health" && path !== "/version") {
      const host = (request.headers.host ?? "").toLowerCase();
      const hostOnly = host.replace(/:\d+$/, "");
      if (!host || !hostPatterns.some((p) => p.test(hostOnly) || p.test(host))) {
        return done(forbidden("Invalid Host header - possible DNS rebinding attack detected"));
      }
    }
    const origin = request.headers.origin;
    if (origin !== undefined && API_PATH.test(path)) {
      if (originAllowed(origin)) {
        void reply
          .header("access-control-allow-origin", origin)
          .header("vary", "Origin")
          .header("access-control-allow-methods", "GET, POST, PUT, DELETE, PATCH, OPTIONS")
          .header("access-control-allow-headers", "Content-Type, Authorization");
        if (request.method === "OPTIONS") {
          void reply.status(204).send();
          return;
        }
      } else if (STATE_CHANGING.has(request.method)) {
        return done(forbidden("Cross-origin request blocked"));
      }
    }
    done();
  });
}
