// `npm run bench:charts` (after `npm run build`; it serves the built UI): the metric charts
// benchmark. Server part: bench/charts-server.ts (sampled history over HTTP); browser part:
// bench/charts-ui.ts (the metric page of 100 runs × 10,000 steps, navigation to chart painted).
// BENCH_CHARTS_UI=0 skips the browser part. Prints JSON; exits 1 if an answer lost a planted spike,
// dip, NaN or Infinity.
import { runChartsServerBench } from "./charts-server.js";
import { runChartsUiBench } from "./charts-ui.js";

const withUi = process.env.BENCH_CHARTS_UI !== "0";
const { server, ui } = await runChartsServerBench(undefined, withUi ? (url, seeded) => runChartsUiBench(url, seeded.experimentId, seeded.many.map((p) => p.runId), "loss") : undefined);
const targets = server.targets as Record<string, boolean>;
if (ui) targets["100 runs × 10k painted ≤ 800 ms (cold p50) with ≥ 1,000 points per series"] = (ui.cold_painted_ms as { p50: number }).p50 <= 800 && (ui.points_per_series_min as number) >= 1000;
console.log(JSON.stringify({ server, ...(ui ? { ui } : {}) }, null, 2));
if (!targets["every answer within budget with every planted extreme"]) process.exitCode = 1;
