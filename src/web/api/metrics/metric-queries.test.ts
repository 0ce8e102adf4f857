import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { columnsOfSeries, encodeSampledSeriesBinary, encodeSampledSeriesColumns, type SampledMetricSeries } from "../../../core/charts/index.js";
import { metricHistory } from "../../../test-support/generators.js";
import type { SampledHistoryQuery } from "./metric-keys.js";

/** The server stand-in: how it answers the sampled read, and the URLs it was asked. */
const server = vi.hoisted(() => ({ answer: "binary", urls: [] as string[], series: [] as SampledMetricSeries[] }));

const series: SampledMetricSeries[] = [
  { run_id: "r1", metrics: metricHistory("loss", 40, { value: (step) => (step === 3 ? NaN : step === 9 ? -Infinity : step / 7) }), total_points: 400, sampled: true },
  { run_id: "r2", metrics: [], total_points: 0, sampled: false },
];

vi.mock("../../lib/api-client.js", async () => {
  const { RestClient } = await import("../../../client/rest-client.js");
  const respond = (url: URL): Response => {
    if (url.pathname.endsWith("/get-history-bulk-interval")) return Response.json({ metrics: series[0]?.metrics.map((m) => ({ ...m, run_id: "r1" })) });
    const timestamps = url.searchParams.get("timestamps") !== "false";
    const asked = new Set(url.searchParams.getAll("run_ids"));
    const answered = server.series.filter((s) => asked.has(s.run_id));
    if (server.answer === "missing") return Response.json({ error_code: "ENDPOINT_NOT_FOUND", message: "No such endpoint" }, { status: 404 });
    if (server.answer === "garbage") return new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "application/octet-stream" } });
    if (server.answer === "json") return new Response(`{"series":[${answered.map((s) => encodeSampledSeriesColumns(s, timestamps)).join(",")}]}`, { headers: { "content-type": "application/json" } });
    return new Response(new Blob(answered.map((s) => encodeSampledSeriesBinary(s, timestamps))), { headers: { "content-type": "application/octet-stream" } });
  };
  return {
    apiClient: new RestClient({
      baseUrl: "http://tracklet.test",
      prefix: "/ajax-api/2.0",
      fetch: (input) => {
        // RestClient asks by URL string.
        const url = new URL(input as string);
        server.urls.push(url.toString());
        return Promise.resolve(respond(url));
      },
    }),
  };
});

const { sampledHistoryQueryOptions } = await import("./metric-queries.js");

const read = async (xAxis: "step" | "timestamp" = "step") => (await new QueryClient().fetchQuery(sampledHistoryQueryOptions({ runIds: ["r1", "r2"], metricKey: "loss", xAxis, maxPoints: 1000 }))).series;

describe("a live chart's refetch", () => {
  const query = { runIds: ["r1", "r2"], metricKey: "loss", xAxis: "step" as const, maxPoints: 1000 };
  const grown: SampledMetricSeries = { run_id: "r2", metrics: metricHistory("loss", 5), total_points: 5, sampled: false };
  const askedRuns = () => server.urls.map((u) => new URL(u).searchParams.getAll("run_ids"));

  beforeEach(() => {
    server.urls = [];
    server.answer = "binary";
    server.series = series;
  });

  it("asks only for the live runs' series, after refreshing their statuses, and keeps the others' objects", async () => {
    const client = new QueryClient();
    const steps: string[] = [];
    const live = {
      liveNow: new Set(["r2"]),
      refreshStatuses: (ids: readonly string[]) => {
        steps.push(`statuses of ${ids.join(",")}`);
        return Promise.resolve([]);
      },
    };
    const first = await client.fetchQuery(sampledHistoryQueryOptions(query, live));
    // Nothing cached yet: the whole read, no status refresh; the runs it was to refresh may be live.
    expect(askedRuns()).toEqual([["r1", "r2"]]);
    expect(steps).toEqual([]);
    expect(first.live).toEqual(["r2"]);

    server.series = [series[0] as SampledMetricSeries, grown];
    const second = await client.fetchQuery({ ...sampledHistoryQueryOptions(query, live), staleTime: 0 });
    expect(askedRuns()[1]).toEqual(["r2"]);
    expect(steps).toEqual(["statuses of r2"]);
    expect(second.series.map((s) => s.run_id)).toEqual(["r1", "r2"]);
    expect(second.series[0]).toBe(first.series[0]);
    expect(second.series[1]?.total_points).toBe(5);
    // r2 was found finished before its series was read: nothing is left to refresh, no more polls.
    expect(second.live).toEqual([]);
    const { refetchInterval } = sampledHistoryQueryOptions(query, { ...live, liveNow: new Set() });
    const polls = (data: typeof first) => (typeof refetchInterval === "function" ? refetchInterval({ state: { data } } as never) : refetchInterval);
    expect(polls(first)).toBe(10_000);
    expect(polls(second)).toBe(false);
  });

  it("reads every run without live runs, as a chart of finished runs does", async () => {
    const client = new QueryClient();
    const live = { liveNow: new Set<string>(), refreshStatuses: () => Promise.reject(new Error("not called")) };
    await client.fetchQuery(sampledHistoryQueryOptions(query, live));
    await client.fetchQuery({ ...sampledHistoryQueryOptions(query, live), staleTime: 0 });
    expect(askedRuns()).toEqual([
      ["r1", "r2"],
      ["r1", "r2"],
    ]);
  });
});

describe("what a chart shows while a new view loads", () => {
  it("keeps the previous answer for a new zoom or setting, but not across x axes (a step answer has no timestamps)", () => {
    const stepQuery: SampledHistoryQuery = { runIds: ["r1"], metricKey: "loss", xAxis: "step", maxPoints: 100 };
    const previous = { series: [], live: [] };
    const placeholder = (query: SampledHistoryQuery) => {
      const client = new QueryClient();
      const shown = sampledHistoryQueryOptions(stepQuery);
      client.setQueryData(shown.queryKey, previous);
      const previousQuery = client.getQueryCache().find<typeof previous>({ queryKey: shown.queryKey });
      const options = sampledHistoryQueryOptions(query);
      return typeof options.placeholderData === "function" ? options.placeholderData(previous, previousQuery as Parameters<typeof options.placeholderData>[1]) : undefined;
    };
    expect(placeholder({ ...stepQuery, maxPoints: 200 })).toBe(previous);
    expect(placeholder({ ...stepQuery, xAxis: "timestamp" })).toBeUndefined();
  });
});

describe("the charts' sampled history read", () => {
  beforeEach(() => {
    server.urls = [];
    server.series = series;
  });

  it("asks for the binary layout (without timestamps on the step axis) and views its arrays", async () => {
    server.answer = "binary";
    const step = await read();
    expect(new URL(server.urls[0] ?? "").searchParams.get("binary")).toBe("true");
    expect(new URL(server.urls[0] ?? "").searchParams.get("timestamps")).toBe("false");
    expect(Array.from(step[0]?.values ?? [])).toEqual(Array.from(columnsOfSeries(series[0] as SampledMetricSeries).values));
    expect(Array.from(step[0]?.timestamps ?? []).every((t) => t === 0)).toBe(true);
    const time = await read("timestamp");
    expect(new URL(server.urls[1] ?? "").searchParams.get("timestamps")).toBeNull();
    expect(time).toEqual(series.map(columnsOfSeries));
  });

  it("reads the JSON columns of a Tracklet that does not know the binary layout", async () => {
    server.answer = "json";
    expect(await read("timestamp")).toEqual(series.map(columnsOfSeries));
  });

  it("a body that is not the layout is an error, not a chart of garbage", async () => {
    server.answer = "garbage";
    await expect(read()).rejects.toMatchObject({ errorCode: "INTERNAL_ERROR" });
  });

  // Last: the fallback, once learnt, stays for the module's life.
  it("falls back to MLflow's bulk-interval read where the server has no sampled read, and stays there", async () => {
    server.answer = "missing";
    const [r1, r2] = await read();
    expect(Array.from(r1?.steps ?? [])).toEqual(series[0]?.metrics.map((m) => m.step));
    expect(r2?.steps.length).toBe(0);
    expect(server.urls.map((u) => new URL(u).pathname.split("/").pop())).toEqual(["get-history-sampled", "get-history-bulk-interval"]);
    await read();
    expect(server.urls.slice(2).map((u) => new URL(u).pathname.split("/").pop())).toEqual(["get-history-bulk-interval"]);
  });
});
