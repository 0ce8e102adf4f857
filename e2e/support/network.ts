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
