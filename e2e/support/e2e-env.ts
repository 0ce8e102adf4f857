/**
 * Where the e2e suite points. By default Playwright starts `tracklet server` on PORT with a fresh
 * SQLite directory. Set TRACKLET_E2E_BASE_URL to test a UI that is already running instead — e.g. the
 * Vite dev server or `tracklet ui --backend-uri …` proxying to a separately started server — and
 * TRACKLET_E2E_API_URL when seeding should bypass the UI origin and go straight to the backend.
 */
export const E2E_PORT = Number(process.env.TRACKLET_E2E_PORT ?? 51731);
export const EXTERNAL_BASE_URL = process.env.TRACKLET_E2E_BASE_URL?.replace(/\/+$/, "");
export const BASE_URL = EXTERNAL_BASE_URL ?? `http://127.0.0.1:${E2E_PORT}`;
export const API_URL = process.env.TRACKLET_E2E_API_URL?.replace(/\/+$/, "") ?? BASE_URL;
