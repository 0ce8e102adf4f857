import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, E2E_PORT, EXTERNAL_BASE_URL } from "./e2e/support/e2e-env.js";

// `tracklet ui` serving the UI and proxying the API to the e2e server, which stands in for a
// remote MLflow server: the smoke test runs through it too.
const PROXY_PORT = E2E_PORT + 1;

/**
 * Browser tests against the real server. CI runs `npm run build` first; this config builds nothing:
 * it starts the built CLI on a fixed port with a fresh SQLite directory (.tmp/e2e-db, emptied each
 * run; uploaded artifacts go there too), unless TRACKLET_E2E_BASE_URL points at a UI that is already
 * running (see e2e/README.md).
 * Screenshots for docs are a separate project, run on demand: TRACKLET_SCREENSHOTS=1.
 */
const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Tests are independent (each makes its own experiment), so both workers share every file.
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    headless: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "chromium", testMatch: /.*\.spec\.ts/, use: chromium },
    ...(EXTERNAL_BASE_URL ? [] : [{ name: "via-ui-proxy", testMatch: /smoke\.spec\.ts/, use: { ...chromium, baseURL: `http://127.0.0.1:${PROXY_PORT}` } }]),
    ...(process.env.TRACKLET_SCREENSHOTS ? [{ name: "screenshots", testMatch: /.*\.shots\.ts/, use: chromium }] : []),
  ],
  ...(EXTERNAL_BASE_URL
    ? {}
    : {
        webServer: [
          {
            command: `rm -rf .tmp/e2e-db && mkdir -p .tmp/e2e-db && exec node bin/tracklet.js server --port ${E2E_PORT} --backend-store-uri .tmp/e2e-db --artifacts-destination .tmp/e2e-db/artifacts`,
            url: `${BASE_URL}/api/2.0/mlflow/experiments/search?max_results=1`,
            reuseExistingServer: false,
            timeout: 30_000,
            stdout: "ignore",
            stderr: "pipe",
          },
          {
            command: `exec node bin/tracklet.js ui --port ${PROXY_PORT} --backend-uri ${BASE_URL}`,
            url: `http://127.0.0.1:${PROXY_PORT}/api/2.0/mlflow/experiments/search?max_results=1`,
            reuseExistingServer: false,
            timeout: 30_000,
            stdout: "ignore",
            stderr: "pipe",
          },
        ],
      }),
});
