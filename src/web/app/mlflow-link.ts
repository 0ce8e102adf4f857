/**
 * MLflow's UI routes in the URL's fragment (`http://host:5000/#/experiments/1/runs/<id>`), so links
 * people keep in notes, tickets and notebooks carry their route where a server never sees it. This
 * maps such a fragment to the same view here, or undefined when it is not one of MLflow's routes.
 * Run ids and experiment ids in MLflow's list parameters are JSON arrays (`runs=["a","b"]`).
 */
export function mlflowHashRoute(hash: string): string | undefined {
  if (!hash.startsWith("#/")) return undefined;
  const url = new URL(hash.slice(1), "http://x");
  const path = url.pathname.replace(/\/+$/, "");
  const list = (name: string): string[] => jsonList(url.searchParams.get(name));
  const experiment = /^\/experiments\/([^/]+)$/.exec(path);
  if (experiment?.[1]) return `/experiments/${experiment[1]}/runs`;
  // Run page, and MLflow's run-page tabs (model-metrics, …): the run page here. A file in MLflow's
  // artifact tab (`artifactPath/<path>`, or `artifacts/<path>` in MLflow 2.10+) is selected in its browser.
  const run = /^\/experiments\/([^/]+)\/runs\/([^/]+)(?:\/(?:artifactPath|artifacts)\/(.+)|\/.*)?$/.exec(path);
  if (run?.[1] && run[2]) {
    const artifact = run[3] ? `?${new URLSearchParams({ artifact: decodeURIComponent(run[3]) }).toString()}` : "";
    return `/experiments/${run[1]}/runs/${run[2]}${artifact}`;
  }
  // MLflow's runs of several experiments side by side: one table here.
  if (/^\/compare-experiments(?:\/.*)?$/.test(path)) {
    const experiments = list("experiments");
    return experiments.length > 0 ? `/experiments/${experiments.map(encodeURIComponent).join(",")}/runs` : undefined;
  }
  if (path === "/experiments" || path === "") return "/experiments";
  if (path === "/compare-runs") {
    const runs = list("runs");
    const experiments = list("experiments");
    return runs.length > 0 ? `/compare-runs?${new URLSearchParams({ runs: runs.join(","), experiments: experiments.join(",") }).toString()}` : undefined;
  }
  const metric = /^\/metric\/(.+)$/.exec(path);
  if (metric?.[1]) {
    const [first, ...others] = list("runs");
    const [experimentId] = [...list("experiments"), ...list("experiment")];
    if (!first) return undefined;
    const rest = others.length > 0 ? `?${new URLSearchParams({ runs: others.join(",") }).toString()}` : "";
    // Without the experiment the run is asked where it lives (`/runs/<id>/metrics/…` redirects).
    const runPath = experimentId ? `/experiments/${encodeURIComponent(experimentId)}/runs` : "/runs";
    return `${runPath}/${encodeURIComponent(first)}/metrics/${metric[1]}${rest}`;
  }
  return undefined;
}

/** `["a","b"]` (MLflow's form), or a plain comma list; anything else is no ids. */
function jsonList(text: string | null): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === "string" && v !== "").map(String);
    if (typeof parsed === "string" || typeof parsed === "number") return [String(parsed)];
  } catch {
    // Not JSON: a comma list.
  }
  return text.split(",").filter((v) => v !== "");
}
