import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does with one request: pass it on, answer it itself, or cut the connection. */
export type ProxyAction = "forward" | "forward-then-fail" | "fail" | "reset";

export interface TestProxy {
  url: string;
  /** Requests seen, by path without the query. */
  counts: Map<string, number>;
  count(pathSuffix: string): number;
  close(): Promise<void>;
}

/**
 * A forwarding HTTP proxy for tests that counts requests and injects failures: `fail` answers
 * 503, `forward-then-fail` lets the server process the request but answers 503 (a lost
 * response), `reset` destroys the connection (a network error).
 */
export async function startTestProxy(target: string, decide: (path: string, nth: number) => ProxyAction = () => "forward"): Promise<TestProxy> {
  const counts = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const nth = (counts.get(path) ?? 0) + 1;
    counts.set(path, nth);
    const action = decide(path, nth);
    if (action === "reset") {
      req.socket.destroy();
      return;
    }
    if (action === "fail") {
      req.resume();
      res.writeHead(503, { "content-type": "application/json" }).end('{"error_code":"TEMPORARILY_UNAVAILABLE","message":"injected"}');
      return;
    }
    const upstream = httpRequest(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers }, (answer) => {
      if (action === "forward-then-fail") {
        answer.resume();
        answer.on("end", () => res.writeHead(503, { "content-type": "application/json" }).end('{"error_code":"TEMPORARILY_UNAVAILABLE","message":"response lost"}'));
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    count: (suffix) => [...counts].filter(([path]) => path.endsWith(suffix)).reduce((n, [, c]) => n + c, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
