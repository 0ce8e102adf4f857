import { QueryClient } from "@tanstack/react-query";
import { isMlflowError } from "../../core/index.js";

/** A 4xx from the server will not change on retry; only transient failures are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isMlflowError(error) && error.httpStatus < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Tracking data changes while runs train, but a tab switch should not refetch 40 pages of runs.
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
