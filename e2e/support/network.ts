import type { Page, Request } from "@playwright/test";

/** Every runs/search request body the page sends from now on, for asserting what reached the server. */
export function recordRunSearches(page: Page): { bodies: Record<string, unknown>[] } {
  const log = { bodies: [] as Record<string, unknown>[] };
  page.on("request", (request: Request) => {
    if (!request.url().includes("/mlflow/runs/search")) return;
    try {
      log.bodies.push((request.postDataJSON() as Record<string, unknown> | null) ?? {});
    } catch {
      log.bodies.push({});
    }
  });
  return log;
}

/** The URL of every request the page sends from now on whose URL `match` picks. */
export function recordRequests(page: Page, match: (url: string) => boolean): string[] {
  const urls: string[] = [];
  page.on("request", (request: Request) => {
    if (match(request.url())) urls.push(request.url());
  });
  return urls;
}
