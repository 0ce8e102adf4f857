import { parseIdList } from "../../config/paths.js";
import { CHART_SETTING_PARAMS, readChartSettings, writeChartSettings, type ChartSettings } from "../metric-page/chart-settings.js";
import { fieldId, parseFieldId, type FieldRef } from "./compare-fields.js";

/**
 * Everything a link to the compare view reproduces. URL shape (defaults left out):
 *   ?runs=<id>,<id>&experiments=1,4&diff=0&ref=<id>&t=1&sys=1&q=<key search>&x=params.lr&y=metrics.loss&pc=loss
 * `diff` defaults to on, `ref` to the first run; `x`/`y` are the scatter axes, `pc` the metric of
 * the parallel-coordinates plot. The overlay charts' settings are the metric page's keys with a `c`
 * prefix (`cx=time&clog=1&csmooth=0.6&coutliers=ignore&czoom=a,b`), since `x` is the scatter's.
 */
export interface CompareViewState {
  runIds: readonly string[];
  experimentIds: readonly string[];
  onlyDiff: boolean;
  reference: string | undefined;
  transposed: boolean;
  showSystemTags: boolean;
  search: string;
  scatterX: FieldRef | undefined;
  scatterY: FieldRef | undefined;
  parallelMetric: string | undefined;
  chart: ChartSettings;
}

const CHART_PREFIX = "c";

function readPrefixedChartSettings(params: URLSearchParams): ChartSettings {
  const own = new URLSearchParams();
  for (const key of CHART_SETTING_PARAMS) {
    const value = params.get(CHART_PREFIX + key);
    if (value !== null) own.set(key, value);
  }
  return readChartSettings(own);
}

export function readCompareViewState(params: URLSearchParams): CompareViewState {
  return {
    runIds: [...new Set(parseIdList(params.get("runs")))],
    experimentIds: [...new Set(parseIdList(params.get("experiments")))],
    onlyDiff: params.get("diff") !== "0",
    reference: params.get("ref") || undefined,
    transposed: params.get("t") === "1",
    showSystemTags: params.get("sys") === "1",
    search: params.get("q") ?? "",
    scatterX: parseFieldId(params.get("x")),
    scatterY: parseFieldId(params.get("y")),
    parallelMetric: params.get("pc") || undefined,
    chart: readPrefixedChartSettings(params),
  };
}

/** The URL of a state, run and experiment lists first so links stay readable. */
export function writeCompareViewState(state: CompareViewState): URLSearchParams {
  const next = new URLSearchParams();
  next.set("runs", state.runIds.join(","));
  if (state.experimentIds.length) next.set("experiments", state.experimentIds.join(","));
  if (!state.onlyDiff) next.set("diff", "0");
  if (state.reference) next.set("ref", state.reference);
  if (state.transposed) next.set("t", "1");
  if (state.showSystemTags) next.set("sys", "1");
  if (state.search) next.set("q", state.search);
  if (state.scatterX) next.set("x", fieldId(state.scatterX));
  if (state.scatterY) next.set("y", fieldId(state.scatterY));
  if (state.parallelMetric) next.set("pc", state.parallelMetric);
  for (const [key, value] of writeChartSettings(new URLSearchParams(), state.chart)) next.set(CHART_PREFIX + key, value);
  return next;
}
