import { createQueryClient } from "./query-client.js";

/**
 * The page's one query client. A module of its own so that boot.ts, which starts the first requests
 * before the app's bundle has even been compiled, and the app itself fill and read the same cache.
 */
export const appQueryClient = createQueryClient();
