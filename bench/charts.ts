// `npm run bench:charts` (node dist/node/bench/charts.js after `npm run build:node`): the metric
// charts benchmark. Server part: bench/charts-server.ts (sampled history over HTTP). Prints JSON;
// exits 1 if an answer lost a planted spike, dip, NaN or Infinity.
import { runChartsServerBench } from "./charts-server.js";

const server = await runChartsServerBench();
console.log(JSON.stringify({ server }, null, 2));
const targets = server.targets as Record<string, boolean>;
if (!targets["every answer within budget with every planted extreme"]) process.exitCode = 1;
