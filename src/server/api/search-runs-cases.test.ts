// Table-driven runs/search cases over the fixture of src/test-support/search-fixture.ts (its table
// documents every run). Expectations are written by hand from that table: a list of run names in
// the expected order, where a nested list is a group that ties on every order key *and* on
// start_time, so MLflow's last tie-breaker (run_id ASC) orders it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, SearchRunsResponse, ViewType } from "../../core/index.js";
import type { WireRequest } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectOk } from "../../test-support/expect-api.js";
import { BASE_TIME } from "../../test-support/generators.js";
import { buildSearchRunsFixture, type SearchRunsFixture } from "../../test-support/search-fixture.js";

type Expected = readonly (string | readonly string[])[];

interface SearchCase {
  filter?: string;
  orderBy?: readonly string[];
  view?: ViewType;
  experiments?: readonly ("main" | "other")[];
  /** Names in order; or a function for orders that are defined by the run ids themselves. */
  expected: Expected | ((fx: SearchRunsFixture) => string[]);
  why?: string;
}

const ALL_ACTIVE = ["Zeta_1", "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10"];
/** Default order (start_time DESC, run_id ASC) of the active runs of the main experiment. */
const DEFAULT: Expected = ["Zeta_1", "r06", ["r04", "r05"], ["r02", "r03"], "r01", ["r07", "r08", "r09"], "r10"];

const FILTER_CASES: readonly SearchCase[] = [
  // --- no filter
  { filter: "", expected: DEFAULT },
  { filter: "   ", expected: DEFAULT, why: "whitespace-only is no filter in Tracklet (MLflow: error; documented divergence)" },
  // --- metrics: the latest value by (step, timestamp, value)
  { filter: "metrics.acc > 0.65", expected: ["Zeta_1", "r04", "r01", ["r07", "r08"]] },
  { filter: "metrics.acc = 0.7", expected: ["r01", ["r07", "r08"]], why: "r01: latest is step 2 (0.7), not the max 0.9 nor the last-logged 0.5" },
  { filter: "metrics.acc = 0.9", expected: [], why: "r01's max is not its latest value" },
  { filter: "metrics.acc = 0.5", expected: [], why: "r01's last-logged point has a lower step" },
  { filter: "metrics.acc = 0.6", expected: ["r02"], why: "r02: same step, the highest timestamp wins" },
  { filter: "metrics.acc = 0.95", expected: ["Zeta_1"], why: "r02's 0.95 was logged last but at an older timestamp" },
  { filter: "metrics.acc >= 0.95", expected: ["Zeta_1"] },
  { filter: "metrics.acc = 0.1", expected: ["r05"], why: "step 5 beats step 4 logged later with a later timestamp" },
  { filter: "metrics.acc = 0.99", expected: [] },
  { filter: "metrics.acc = 0.4", expected: ["r03"], why: "equal step and timestamp: the larger value is latest" },
  { filter: "metrics.acc = 0.2", expected: [] },
  { filter: "metrics.acc < 0.5", expected: ["r05", "r03"] },
  { filter: "metric.acc <= 0.4", expected: ["r05", "r03"] },
  { filter: "metrics.acc != 0.7", expected: ["Zeta_1", ["r04", "r05"], ["r02", "r03"], "r09"], why: "runs without acc never match !=" },
  { filter: "metrics.acc > -1", expected: ["Zeta_1", ["r04", "r05"], ["r02", "r03"], "r01", ["r07", "r08", "r09"]] },
  { filter: "metrics.acc > .5", expected: ["Zeta_1", "r04", "r02", "r01", ["r07", "r08", "r09"]] },
  { filter: "metrics.acc > 5e-1", expected: ["Zeta_1", "r04", "r02", "r01", ["r07", "r08", "r09"]] },
  { filter: "metrics.acc >= 0.7 AND metrics.acc <= 0.8", expected: ["r04", "r01", ["r07", "r08"]] },
  // --- NaN is stored as 0, ±Infinity as ±max double; filters compare the stored number
  { filter: "metrics.loss = 0", expected: ["r06", "r04"], why: "r04's latest loss is NaN (stored 0); r06's is 0 (NaN only in history)" },
  { filter: "metrics.loss != 0", expected: ["r05", ["r02", "r03"], "r01", "r07"] },
  { filter: "metrics.loss < 0.1", expected: ["r06", "r04", "r03"] },
  { filter: "metrics.loss > 1e300", expected: ["r05"] },
  { filter: "metrics.loss >= 1.7976931348623157e308", expected: ["r05"] },
  { filter: "metrics.loss <= -1.7976931348623157e308", expected: ["r03"] },
  { filter: "metrics.loss > 0.3", expected: ["r05", "r01", "r07"], why: "r04's 1.0 is history only" },
  { filter: "metrics.loss = 1", expected: [] },
  { filter: "metrics.loss >= 0", expected: ["r06", ["r04", "r05"], "r02", "r01", "r07"] },
  // --- metric keys with dots and spaces
  { filter: "metrics.val.loss < 0.25", expected: ["r02"] },
  { filter: "metrics.`val.loss` >= 0.3", expected: ["r04", "r01"] },
  { filter: 'metrics."val.loss" > 0', expected: ["r04", "r02", "r01"] },
  { filter: "metrics.`f1 score` > 0.7", expected: ["r09"] },
  { filter: 'metrics."f1 score" >= 0.6', expected: ["r04", "r09"] },
  { filter: "metrics.missing_metric > 0", expected: [] },
  { filter: "metrics.missing_metric != 0", expected: [] },
  // --- params: strings, case-sensitive =, LIKE; ILIKE
  { filter: "params.lr = '0.1'", expected: ["r06", "r01", ["r07", "r08"]] },
  { filter: "params.lr = '0.10'", expected: ["r03"], why: "params are strings: '0.10' is not '0.1'" },
  { filter: "params.lr != '0.1'", expected: ["r04", ["r02", "r03"]] },
  { filter: "params.lr LIKE '0.1%'", expected: ["r06", "r03", "r01", ["r07", "r08"]] },
  { filter: "params.lr LIKE '0.0%'", expected: ["r04", "r02"] },
  { filter: "params.lr LIKE '0.0_'", expected: ["r02"] },
  { filter: "params.lr LIKE '%1'", expected: ["r06", "r04", "r02", "r01", ["r07", "r08"]] },
  { filter: "params.model = 'cnn'", expected: ["r05", "r01", ["r07", "r08"]] },
  { filter: "params.model = 'CNN'", expected: ["r03"] },
  { filter: "params.model LIKE 'cnn%'", expected: [["r04", "r05"], "r01", ["r07", "r08"]] },
  { filter: "params.model LIKE '%NN'", expected: ["r03"], why: "LIKE is case-sensitive" },
  { filter: "params.model ILIKE '%NN'", expected: ["r05", ["r02", "r03"], "r01", ["r07", "r08"]] },
  { filter: "params.model ILIKE 'CNN'", expected: ["r05", "r03", "r01", ["r07", "r08"]] },
  { filter: "params.model LIKE 'cnn_v_'", expected: ["r04"] },
  { filter: "params.model != 'cnn'", expected: ["r04", ["r02", "r03"]] },
  { filter: "params.`batch size` = '64'", expected: ["r09"] },
  { filter: "params.\"batch size\" != '0'", expected: ["r01", "r09"] },
  { filter: "params.opt.name = 'adam'", expected: ["r02"] },
  { filter: "param.lr = '0.001'", expected: ["r04"] },
  { filter: "parameters.model = 'rnn'", expected: ["r02"] },
  { filter: "parameter.model = 'rnn'", expected: ["r02"] },
  { filter: "params.lr IS NULL", expected: ["Zeta_1", "r05", "r09", "r10"] },
  { filter: "params.lr is not null", expected: ["r06", "r04", ["r02", "r03"], "r01", ["r07", "r08"]] },
  { filter: "params.model IN ('cnn', 'rnn')", expected: ["r05", "r02", "r01", ["r07", "r08"]] },
  { filter: "params.model NOT IN ('cnn', 'rnn')", expected: ["r04", "r03"], why: "NOT IN needs the key, like !=" },
  { filter: "params.model IN ('CNN')", expected: ["r03"], why: "param lists keep upper-case items (only run_id/dataset lists drop them)" },
  { filter: "params.lr = '0.1 '", expected: [] },
  // --- tags
  { filter: "tags.env = 'prod'", expected: ["r05", "r01", ["r07", "r08"]] },
  { filter: "tags.env = 'Prod'", expected: ["r03"] },
  { filter: "tags.env LIKE 'prod'", expected: ["r05", "r01", ["r07", "r08"]] },
  { filter: "tags.env ILIKE 'prod'", expected: ["r05", "r03", "r01", ["r07", "r08"]] },
  { filter: "tags.env LIKE 'P%'", expected: ["r03"] },
  { filter: "tags.env ilike 'p%'", expected: ["r05", "r03", "r01", ["r07", "r08"]] },
  { filter: "tags.env != 'prod'", expected: ["r04", ["r02", "r03"]] },
  { filter: "tags.env LIKE '%a%'", expected: ["r04"] },
  { filter: "tags.`my key` = 'alpha'", expected: ["r01"] },
  { filter: "tags.\"my key\" ILIKE 'alpha'", expected: ["r04", "r01"] },
  { filter: "tags.`my key` IS NULL", expected: ["r06", "r05", "r03", ["r07", "r08", "r09"], "r10"] },
  { filter: "tags.data.version = 'v1'", expected: ["r06", "r01"] },
  { filter: "tags.data.version LIKE 'v1%'", expected: ["r06", "r03", "r01"] },
  { filter: "tags.`data.version` = 'v2'", expected: ["r02"] },
  { filter: "tags.mlflow.parentRunId = '{r01}'", expected: [["r07", "r08"]] },
  { filter: "tags.mlflow.parentRunId IS NULL", expected: ["Zeta_1", "r06", ["r04", "r05"], ["r02", "r03"], "r01", "r10"] },
  { filter: "tags.mlflow.parentRunId IS NOT NULL", expected: [["r07", "r08", "r09"]] },
  { filter: "tags.mlflow.runName = 'r03'", expected: ["r03"] },
  { filter: "tag.team = 'Vision'", expected: ["r01"] },
  { filter: "tags.team ILIKE 'VISION'", expected: ["r02", "r01"] },
  { filter: "tags.TEAM = 'vision'", expected: [], why: "keys are case-sensitive" },
  { filter: "tags.env IN ('prod', 'dev')", expected: ["r05", "r02", "r01", ["r07", "r08"]] },
  { filter: "tags.env NOT IN ('prod')", expected: ["r04", ["r02", "r03"]] },
  { filter: "tags.'env' = 'prod'", expected: ["r05", "r01", ["r07", "r08"]], why: "single-quoted keys work in MLflow's code" },
  { filter: "`tags`.env = \"dev\"", expected: ["r02"] },
  // --- attributes
  { filter: "attributes.status = 'FINISHED'", expected: ["r02", "r01", ["r07", "r08"]] },
  { filter: "status = 'RUNNING'", expected: ["Zeta_1", "r06", "r03", "r09", "r10"] },
  { filter: "status != 'RUNNING'", expected: [["r04", "r05"], "r02", "r01", ["r07", "r08"]] },
  { filter: "attr.status LIKE 'F%'", expected: ["r04", "r02", "r01", ["r07", "r08"]] },
  { filter: "run.status ILIKE 'running'", expected: ["Zeta_1", "r06", "r03", "r09", "r10"] },
  { filter: "status = 'running'", expected: [] },
  { filter: "attributes.user_id = 'alice'", expected: ["r06", "r03", "r01"] },
  { filter: "user_id LIKE '%o%'", expected: [["r04", "r05"], "r02"] },
  { filter: "attributes.start_time >= {T+30}", expected: ["Zeta_1", "r06", ["r04", "r05"]] },
  { filter: "attributes.created < {T+10}", expected: [["r07", "r08", "r09"], "r10"] },
  { filter: "Created = {T+20}", expected: [["r02", "r03"]] },
  { filter: "start_time != {T+5}", expected: ["Zeta_1", "r06", ["r04", "r05"], ["r02", "r03"], "r01", "r10"] },
  { filter: "attributes.end_time > {T+100}", expected: [["r04", "r05"], "r02"] },
  { filter: "attributes.end_time <= {T+100}", expected: ["r01", ["r07", "r08"]] },
  { filter: "end_time != 0", expected: [["r04", "r05"], "r02", "r01", ["r07", "r08"]], why: "a null end_time never matches" },
  { filter: "attributes.run_name = 'r03'", expected: ["r03"] },
  { filter: "run_name LIKE 'r0%'", expected: ["r06", ["r04", "r05"], ["r02", "r03"], "r01", ["r07", "r08", "r09"]] },
  { filter: "attributes.`Run name` = 'r10'", expected: ["r10"] },
  { filter: "attributes.\"run name\" = 'r10'", expected: ["r10"] },
  { filter: "run_name ILIKE 'ZETA%'", expected: ["Zeta_1"] },
  { filter: "run_name LIKE 'zeta%'", expected: [] },
  { filter: "run_name LIKE 'Zeta_1'", expected: ["Zeta_1"] },
  { filter: "run_name LIKE 'Zeta?1'", expected: [], why: "? is literal (LIKE, not GLOB)" },
  { filter: "run_name LIKE 'Zeta*'", expected: [], why: "* is literal" },
  { filter: "run_name LIKE 'Z[e]ta_1'", expected: [], why: "[ ] are literal" },
  { filter: "attributes.run_id = '{r01}'", expected: ["r01"] },
  { filter: "run_id IN ('{r01}', '{r02}')", expected: ["r02", "r01"] },
  { filter: "run_id NOT IN ('{r01}', '{r10}')", expected: ["Zeta_1", "r06", ["r04", "r05"], ["r02", "r03"], ["r07", "r08", "r09"]] },
  { filter: "run_id IN ('{upper:r01}')", expected: [], why: "MLflow drops list items that are not all lower case" },
  { filter: "run_id NOT IN ('{upper:r01}')", expected: DEFAULT },
  { filter: "run_id LIKE '{r01}'", expected: ["r01"] },
  { filter: "run_id ILIKE '{upper:r01}'", expected: ["r01"] },
  { filter: "artifact_uri LIKE '%{r01}%'", expected: ["r01"] },
  // --- datasets: each clause is satisfied by any input of the run
  { filter: "datasets.name = 'iris'", expected: ["r04", "r01"] },
  { filter: "datasets.name != 'iris'", expected: ["r04", "r02", "r09"] },
  { filter: "datasets.context = 'eval'", expected: ["r04", "r02"] },
  { filter: "datasets.context = 'training'", expected: ["r04", "r01"] },
  { filter: "datasets.name = 'iris' AND datasets.context = 'eval'", expected: ["r04"] },
  { filter: "datasets.name = 'mnist' AND datasets.context = 'eval'", expected: ["r04", "r02"], why: "r04: mnist (training) and iris (eval) satisfy one clause each" },
  { filter: "datasets.digest = 'd-wine'", expected: ["r09"] },
  { filter: "datasets.name IN ('iris', 'wine')", expected: ["r04", "r01", "r09"] },
  { filter: "datasets.name IN ('IRIS')", expected: [] },
  { filter: "datasets.name NOT IN ('iris')", expected: ["r04", "r02", "r09"] },
  { filter: "datasets.context LIKE 'tr%'", expected: ["r04", "r01"] },
  { filter: "dataset.context ILIKE 'EVAL'", expected: ["r04", "r02"] },
  { filter: "datasets.context != 'eval'", expected: ["r04", "r01"], why: "r09's input has no context tag" },
  // --- conjunctions and the OR / parentheses extension
  { filter: "metrics.acc > 0.5 AND params.model = 'cnn'", expected: ["r01", ["r07", "r08"]] },
  { filter: "metrics.acc > 0.5 and tags.env = 'prod' AND attributes.status = 'FINISHED'", expected: ["r01", ["r07", "r08"]] },
  { filter: "params.lr = '0.1' AND tags.env = 'prod' AND metrics.loss > 0", expected: ["r01", "r07"] },
  { filter: "tags.env = 'dev' OR params.model = 'CNN'", expected: [["r02", "r03"]] },
  { filter: "(metrics.acc > 0.9 OR metrics.loss < 0) AND status = 'RUNNING'", expected: ["Zeta_1", "r03"] },
  { filter: "metrics.acc > 0.9 OR (tags.env = 'prod' AND params.lr IS NULL)", expected: ["Zeta_1", "r05"] },
  { filter: "metrics.acc > 0.5 and params.model like 'cnn%'", expected: ["r04", "r01", ["r07", "r08"]] },
  { filter: "metrics.acc > 0.9 AND", expected: ["Zeta_1"], why: "a dangling AND is accepted (MLflow quirk)" },
  { filter: "tags.mlflow.parentRunId = '{r01}' AND metrics.loss > 0", expected: ["r07"] },
  { filter: "datasets.name = 'iris' AND metrics.acc >= 0.8", expected: ["r04"] },
  { filter: "params.lr IS NULL AND tags.env IS NULL", expected: ["Zeta_1", "r09", "r10"] },
  { filter: "metrics.acc < 0.6 OR metrics.acc > 0.9", expected: ["Zeta_1", "r05", "r03", "r09"] },
];

const ORDER_CASES: readonly SearchCase[] = [
  { orderBy: ["metrics.acc DESC"], expected: ["Zeta_1", "r04", "r01", ["r07", "r08"], "r02", "r09", "r03", "r05", "r06", "r10"] },
  { orderBy: ["metrics.acc ASC"], expected: ["r05", "r03", "r09", "r02", "r01", ["r07", "r08"], "r04", "Zeta_1", "r06", "r10"], why: "missing values last in both directions" },
  { orderBy: ["metrics.acc"], expected: ["r05", "r03", "r09", "r02", "r01", ["r07", "r08"], "r04", "Zeta_1", "r06", "r10"] },
  { orderBy: ["metrics.acc aSc"], expected: ["r05", "r03", "r09", "r02", "r01", ["r07", "r08"], "r04", "Zeta_1", "r06", "r10"] },
  { orderBy: ["metrics.acc desc"], expected: ["Zeta_1", "r04", "r01", ["r07", "r08"], "r02", "r09", "r03", "r05", "r06", "r10"] },
  { orderBy: ["metrics.loss ASC"], expected: ["r03", "r06", "r02", "r01", "r07", "r05", "r04", "Zeta_1", ["r08", "r09"], "r10"], why: "-inf … +inf, then NaN, then missing" },
  { orderBy: ["metrics.loss DESC"], expected: ["r05", "r01", "r07", "r02", "r06", "r03", "r04", "Zeta_1", ["r08", "r09"], "r10"], why: "NaN after numbers, before missing, also DESC" },
  { orderBy: ["params.lr ASC"], expected: ["r04", "r02", "r06", "r01", ["r07", "r08"], "r03", "Zeta_1", "r05", "r09", "r10"] },
  { orderBy: ["params.lr DESC"], expected: ["r03", "r06", "r01", ["r07", "r08"], "r02", "r04", "Zeta_1", "r05", "r09", "r10"] },
  { orderBy: ["params.model ASC"], expected: ["r03", "r05", "r01", ["r07", "r08"], "r04", "r02", "Zeta_1", "r06", "r09", "r10"], why: "code-point order: 'CNN' < 'cnn'" },
  { orderBy: ["params.model DESC"], expected: ["r02", "r04", "r05", "r01", ["r07", "r08"], "r03", "Zeta_1", "r06", "r09", "r10"] },
  { orderBy: ["params.`batch size` DESC"], expected: ["r09", "r01", "Zeta_1", "r06", ["r04", "r05"], ["r02", "r03"], ["r07", "r08"], "r10"] },
  { orderBy: ["tags.env ASC"], expected: ["r03", "r02", "r05", "r01", ["r07", "r08"], "r04", "Zeta_1", "r06", "r09", "r10"] },
  { orderBy: ["tags.env DESC"], expected: ["r04", "r05", "r01", ["r07", "r08"], "r02", "r03", "Zeta_1", "r06", "r09", "r10"] },
  { orderBy: ["tags.`my key` DESC"], expected: ["Zeta_1", "r02", "r01", "r04", "r06", "r05", "r03", ["r07", "r08", "r09"], "r10"] },
  { orderBy: ["tags.`my key`    DESC"], expected: ["Zeta_1", "r02", "r01", "r04", "r06", "r05", "r03", ["r07", "r08", "r09"], "r10"] },
  { orderBy: ['tags."my key" asc'], expected: ["r04", "r01", "r02", "Zeta_1", "r06", "r05", "r03", ["r07", "r08", "r09"], "r10"] },
  { orderBy: ["tags.data.version ASC"], expected: ["r06", "r01", "r03", "r02", "Zeta_1", ["r04", "r05"], ["r07", "r08", "r09"], "r10"] },
  { orderBy: ["attributes.start_time ASC"], expected: ["r10", ["r07", "r08", "r09"], "r01", ["r02", "r03"], ["r04", "r05"], "r06", "Zeta_1"] },
  { orderBy: ["start_time DESC"], expected: DEFAULT },
  { orderBy: ["created ASC"], expected: ["r10", ["r07", "r08", "r09"], "r01", ["r02", "r03"], ["r04", "r05"], "r06", "Zeta_1"] },
  { orderBy: ["attributes.end_time ASC"], expected: ["r07", "r08", "r01", "r02", "r05", "r04", "Zeta_1", "r06", "r03", "r09", "r10"], why: "null end_time last" },
  { orderBy: ["end_time DESC"], expected: ["r04", "r05", "r02", "r01", "r08", "r07", "Zeta_1", "r06", "r03", "r09", "r10"] },
  { orderBy: ["attributes.status ASC"], expected: ["r04", "r02", "r01", ["r07", "r08"], "r05", "Zeta_1", "r06", "r03", "r09", "r10"] },
  { orderBy: ["status DESC"], expected: ["Zeta_1", "r06", "r03", "r09", "r10", "r05", "r02", "r01", ["r07", "r08"], "r04"] },
  { orderBy: ["user_id DESC"], expected: ["Zeta_1", "r09", "r10", ["r07", "r08"], "r04", "r05", "r02", "r06", "r03", "r01"] },
  { orderBy: ["user_id ASC"], expected: ["r06", "r03", "r01", "r05", "r02", "r04", ["r07", "r08"], "r09", "r10", "Zeta_1"] },
  { orderBy: ["attributes.run_name ASC"], expected: ["Zeta_1", "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10"] },
  { orderBy: ["run_name DESC"], expected: ["r10", "r09", "r08", "r07", "r06", "r05", "r04", "r03", "r02", "r01", "Zeta_1"] },
  { orderBy: ["run_id ASC"], expected: [ALL_ACTIVE] },
  { orderBy: ["run_id DESC"], expected: (fx) => [...ALL_ACTIVE].sort((a, b) => (fx.idOf(a) < fx.idOf(b) ? 1 : -1)) },
  { orderBy: ["metrics.`f1 score` DESC"], expected: ["r09", "r04", "Zeta_1", "r06", "r05", ["r02", "r03"], "r01", ["r07", "r08"], "r10"] },
  { orderBy: ['metrics."val.loss" ASC'], expected: ["r02", "r01", "r04", "Zeta_1", "r06", "r05", "r03", ["r07", "r08", "r09"], "r10"] },
  { orderBy: ["metrics.missing DESC"], expected: DEFAULT },
  { orderBy: ["params.model ASC", "metrics.acc DESC"], expected: ["r03", "r01", ["r07", "r08"], "r05", "r04", "r02", "Zeta_1", "r09", "r06", "r10"] },
  { orderBy: ["tags.env DESC", "start_time ASC"], expected: ["r04", ["r07", "r08"], "r01", "r05", "r02", "r03", "r10", "r09", "r06", "Zeta_1"] },
  { orderBy: ["metrics.loss DESC", "metrics.acc ASC"], expected: ["r05", "r01", "r07", "r02", "r06", "r03", "r04", "r09", "r08", "Zeta_1", "r10"] },
  { orderBy: ["status ASC", "user_id DESC", "run_name ASC"], expected: ["r04", "r07", "r08", "r02", "r01", "r05", "Zeta_1", "r09", "r10", "r03", "r06"] },
  // --- filter and order together
  { filter: "params.model = 'cnn'", orderBy: ["metrics.acc ASC"], expected: ["r05", "r01", ["r07", "r08"]] },
  { filter: "tags.env ILIKE 'PROD'", orderBy: ["metrics.loss ASC"], expected: ["r03", "r01", "r07", "r05", "r08"] },
  { filter: "metrics.loss < 1", orderBy: ["metrics.loss DESC"], expected: ["r01", "r07", "r02", "r06", "r03", "r04"] },
];

const VIEW_CASES: readonly SearchCase[] = [
  { view: "DELETED_ONLY", expected: ["r11"] },
  { view: "ALL", expected: ["Zeta_1", "r11", "r06", ["r04", "r05"], ["r02", "r03"], "r01", ["r07", "r08", "r09"], "r10"] },
  { view: "ACTIVE_ONLY", expected: DEFAULT },
  { view: "ALL", filter: "metrics.acc > 0.8", expected: ["Zeta_1", "r11"] },
  { view: "DELETED_ONLY", filter: "tags.env = 'prod'", expected: ["r11"] },
  { view: "DELETED_ONLY", filter: "tags.env = 'dev'", expected: [] },
  { view: "ALL", orderBy: ["metrics.acc DESC"], expected: ["Zeta_1", "r11", "r04", "r01", ["r07", "r08"], "r02", "r09", "r03", "r05", "r06", "r10"] },
  { view: "ACTIVE_ONLY", filter: "params.lr = '0.1'", expected: ["r06", "r01", ["r07", "r08"]] },
  { view: "ALL", filter: "params.lr = '0.1'", expected: ["r11", "r06", "r01", ["r07", "r08"]] },
  { view: "DELETED_ONLY", orderBy: ["metrics.loss ASC"], expected: ["r11"] },
  // --- experiment scoping
  { experiments: ["main", "other"], filter: "tags.env = 'prod'", expected: ["o01", "r05", "r01", ["r07", "r08"]] },
  { experiments: ["other"], expected: ["o01"] },
  { experiments: ["main", "other"], orderBy: ["metrics.acc DESC"], expected: ["Zeta_1", "o01", "r04", "r01", ["r07", "r08"], "r02", "r09", "r03", "r05", "r06", "r10"] },
  { experiments: ["other", "main"], filter: "params.model = 'cnn'", orderBy: ["start_time ASC"], expected: [["r07", "r08"], "r01", "r05", "o01"] },
  { experiments: ["other"], view: "ALL", filter: "metrics.acc < 0.5", expected: [] },
];

const INVALID_FILTERS: readonly string[] = [
  "m.acc > 1",
  "METRICS.acc > 1",
  "acc > 1",
  "attributes.lifecycle_stage = 'deleted'",
  "attributes.experiment_id = '1'",
  "run_uuid = 'x'",
  "datasets.profile = 'x'",
  "params.lr > '0.1'",
  "tags.env < 'z'",
  "attributes.start_time LIKE 1",
  "attributes.status > 'A'",
  "metrics.acc == 1",
  "metrics.acc <> 1",
  "metrics.acc ~ 1",
  "metrics.acc LIKE 1",
  "metrics.acc ILIKE '1'",
  "tags.env NOT LIKE 'x'",
  "tags.env RLIKE 'x'",
  "metrics.acc > '1'",
  "attributes.start_time > '1'",
  "params.lr = 5",
  "attributes.status = 1",
  "tags.env = prod",
  "tags.env = `prod`",
  "tags.env = 'prod",
  "metrics.acc >",
  "params.lr LR",
  "metrics.acc > 1 foo",
  "0.5 < metrics.acc",
  "1=1",
  "metrics.a != metrics.b",
  "metrics.acc > 1; metrics.acc < 2",
  "attributes.run_name IN ('a')",
  "status IN ('RUNNING')",
  "run_id IN ()",
  "run_id IN (1, 2)",
  "run_id IN 'abc'",
  "metrics.acc IS NULL",
  "attributes.status IS NULL",
  "attributes.status IS 'RUNNING'",
  "attributes.status = true",
  "params.lr = null",
  "metrics.acc > nan",
  "NOT tags.env = 'x'",
  "(tags.env = 'prod'",
  "tags.env = 'prod')",
  "metrics.acc > 1 OR",
  "OR metrics.acc > 1",
  "tags.env = 'prod' AND AND tags.x = 'y' OR tags.y = 'z'",
  "status = 'it''s'",
  "metrics. acc > 1",
  "metrics.acc > 1.2.3",
  "tags.env = 'prod' tags.team = 'x'",
  "datasets.name > 'a'",
  "attributes.end_time = 'now'",
];

const INVALID_ORDER_BY: readonly (readonly string[])[] = [
  ["params.lr "],
  [" params.lr"],
  [""],
  ["metrics.acc ACS"],
  ["metrics.acc DESCENDING"],
  ["metrics.acc DESC extra"],
  ["metrics.acc != 1"],
  ["attributes.`Run name`"],
  ["experiment_id"],
  ["lifecycle_stage"],
  ["datasets.name"],
  ["m.acc"],
  ["METRICS.acc"],
  ["metrics.acc", "metrics.acc DESC"],
  ["start_time", "created DESC"],
  ["metrics.acc,params.lr"],
  ["metrics.acc DESC, params.lr"],
];

let t: TestApp;
let fx: SearchRunsFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await buildSearchRunsFixture(t.api);
});
afterAll(() => t.close());

/** `{r01}` → its run id, `{upper:r01}` → the id upper-cased, `{T+30}` → BASE_TIME + 30. */
function render(text: string): string {
  return text.replace(/\{(upper:)?([A-Za-z0-9_]+)\}|\{T\+(\d+)\}/g, (_m, upper: string | undefined, name: string | undefined, offset: string | undefined) => {
    if (offset !== undefined) return String(BASE_TIME + Number(offset));
    const id = fx.idOf(name ?? "");
    return upper ? id.toUpperCase() : id;
  });
}

function expand(expected: SearchCase["expected"]): string[] {
  if (typeof expected === "function") return expected(fx);
  const byId = (a: string, b: string): number => (fx.idOf(a) < fx.idOf(b) ? -1 : fx.idOf(a) > fx.idOf(b) ? 1 : 0);
  return expected.flatMap((item) => (typeof item === "string" ? [item] : [...item].sort(byId)));
}

function requestOf(c: SearchCase, extra: { max_results?: number; page_token?: string } = {}): WireRequest<"searchRuns"> {
  const experiment_ids = (c.experiments ?? ["main"]).map((e) => (e === "main" ? fx.mainExperimentId : fx.otherExperimentId));
  return {
    experiment_ids,
    ...(c.filter === undefined ? {} : { filter: render(c.filter) }),
    ...(c.orderBy === undefined ? {} : { order_by: c.orderBy.map(render) }),
    ...(c.view === undefined ? {} : { run_view_type: c.view }),
    ...extra,
  };
}

const namesOf = (runs: readonly Run[] | undefined): string[] => (runs ?? []).map((r) => fx.nameOf(r.info.run_id));

async function search(c: SearchCase, extra: { max_results?: number; page_token?: string } = {}): Promise<SearchRunsResponse> {
  const res = await t.api.call("searchRuns", requestOf(c, extra));
  expectOk(res);
  return res.json;
}

/** Walks page_token until it is exhausted; checks a token comes with every full page and only then. */
async function walkPages(c: SearchCase, pageSize: number): Promise<string[][]> {
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const page = await search(c, { max_results: pageSize, ...(token === undefined ? {} : { page_token: token }) });
    const names = namesOf(page.runs);
    expect(names.length).toBeLessThanOrEqual(pageSize);
    expect(page.next_page_token !== undefined, `token iff the page is full (${names.length}/${pageSize})`).toBe(names.length === pageSize);
    pages.push(names);
    token = page.next_page_token;
    if (pages.length > 100) throw new Error("page_token never ran out");
  } while (token !== undefined);
  return pages;
}

function title(c: SearchCase): string {
  const parts = [
    c.filter !== undefined ? `filter ${JSON.stringify(c.filter)}` : "",
    c.orderBy !== undefined ? `order_by ${JSON.stringify(c.orderBy)}` : "",
    c.view !== undefined ? c.view : "",
    c.experiments !== undefined ? `experiments ${c.experiments.join("+")}` : "",
  ];
  return parts.filter(Boolean).join(" ") || "no filter";
}

function defineCases(cases: readonly SearchCase[]): void {
  for (const c of cases) {
    it(`${title(c)}${c.why ? ` (${c.why})` : ""}`, async () => {
      const expected = expand(c.expected);
      const page = await search(c);
      expect(namesOf(page.runs)).toEqual(expected);
      // Three at a time gives the same sequence, with ties split across pages.
      expect((await walkPages(c, 3)).flat()).toEqual(expected);
    });
  }
}

describe("runs/search filters", () => defineCases(FILTER_CASES));
describe("runs/search order_by", () => defineCases(ORDER_CASES));
describe("runs/search run_view_type and experiment_ids", () => defineCases(VIEW_CASES));

describe("runs/search paging across ties", () => {
  const orders: readonly SearchCase[] = [
    { expected: DEFAULT },
    { orderBy: ["metrics.acc DESC"], expected: [] },
    { orderBy: ["metrics.loss ASC"], expected: [] },
    { orderBy: ["params.model ASC", "metrics.acc DESC"], expected: [] },
    { view: "ALL", orderBy: ["tags.env DESC"], expected: [] },
    { filter: "params.lr IS NOT NULL OR tags.env = 'prod'", orderBy: ["start_time ASC"], expected: [] },
  ];
  for (const c of orders) {
    it(`page sizes 1–6 concatenate to the unpaged answer: ${title(c)}`, async () => {
      const unpaged = namesOf((await search(c)).runs);
      expect(unpaged.length).toBeGreaterThan(5);
      for (let size = 1; size <= 6; size++) {
        const pages = await walkPages(c, size);
        expect(pages.flat(), `page size ${size}`).toEqual(unpaged);
        // A token on every full page: when the count divides evenly the last page is empty.
        expect(pages.at(-1)?.length).toBe(unpaged.length % size);
        expect(pages).toHaveLength(Math.floor(unpaged.length / size) + 1);
      }
    });
  }

  it("the tokens are MLflow's offsets, and a token can be reused", async () => {
    const c: SearchCase = { expected: DEFAULT };
    const first = await search(c, { max_results: 4 });
    expect(first.next_page_token).toBe(btoa('{"offset": 4}'));
    const again = await search(c, { max_results: 4, page_token: first.next_page_token ?? "" });
    const twice = await search(c, { max_results: 4, page_token: first.next_page_token ?? "" });
    expect(namesOf(again.runs)).toEqual(namesOf(twice.runs));
    expect(namesOf(again.runs)).toEqual(expand(DEFAULT).slice(4, 8));
  });

  it("run_view_type also accepts the proto numbers", async () => {
    const res = await t.api.post<SearchRunsResponse>("/mlflow/runs/search", { experiment_ids: [fx.mainExperimentId], run_view_type: 2 });
    expectOk(res);
    expect(namesOf(res.json.runs)).toEqual(["r11"]);
    const all = await t.api.post<SearchRunsResponse>("/mlflow/runs/search", { experiment_ids: [fx.mainExperimentId], run_view_type: 3, filter: "metrics.acc > 0.8" });
    expect(namesOf(all.json.runs)).toEqual(["Zeta_1", "r11"]);
  });

  it("returns the latest metric values, NaN and ±Infinity included, with the searched runs", async () => {
    const page = await search({ filter: "metrics.loss < 0.1", expected: [] });
    const loss = new Map((page.runs ?? []).map((r) => [fx.nameOf(r.info.run_id), r.data.metrics.find((m) => m.key === "loss")]));
    expect(loss.get("r06")).toMatchObject({ value: 0, step: 1 });
    expect(loss.get("r03")?.value).toBe(-1.7976931348623157e308);
    const raw = await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], filter: "run_name = 'r04'" });
    expect(raw.text).toContain('{"key":"loss","value":"NaN"');
  });
});

describe("runs/search refuses invalid input with 400 INVALID_PARAMETER_VALUE", () => {
  for (const filter of INVALID_FILTERS) {
    it(`filter ${JSON.stringify(filter)}`, async () => {
      expectError(await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], filter }), 400, "INVALID_PARAMETER_VALUE");
    });
  }
  for (const order_by of INVALID_ORDER_BY) {
    it(`order_by ${JSON.stringify(order_by)}`, async () => {
      expectError(await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], order_by: [...order_by] }), 400, "INVALID_PARAMETER_VALUE");
    });
  }
  it("bad paging parameters", async () => {
    for (const extra of [{ max_results: 0 }, { max_results: 50_001 }, { page_token: "%%%" }, { page_token: btoa("not json") }, { page_token: btoa('{"offset": -1}') }]) {
      expectError(await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], ...extra }), 400, "INVALID_PARAMETER_VALUE");
    }
  });
});

describe("case table size", () => {
  it("has at least 100 filter/order_by cases with exact expected orders", () => {
    expect(FILTER_CASES.length + ORDER_CASES.length + VIEW_CASES.length).toBeGreaterThanOrEqual(100);
  });
});
