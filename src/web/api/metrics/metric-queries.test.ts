import { beforeEach, describe, expect, it, vi } from "vitest";
import { columnsOfSeries, encodeSampledSeriesBinary, encodeSampledSeriesColumns, type SampledMetricSeries } from "../../../core/charts/index.js";
import { metricHistory } from "../../../test-support/generators.js";

/** The server stand-in: how it answers the sampled read, and the URLs it was asked. */
const server = vi.hoisted(() => ({ answer: "binary", urls: [] as string[] }));

const series: SampledMetricSeries[] = [
  { run_id: "r1", metrics: metricHistory("loss", 40, { value: (step) => (step === 3 ? NaN : step === 9 ? -Infinity : step / 7) }), total_points: 400, sampled: true },
  { run_id: "r2", metrics: [], total_points: 0, sampled: false },
];

vi.mock("../../lib/api-client.js", async () => {
  const { RestClient } = await import("../../../client/rest-client.js");
  const respond = (url: URL): Response => {
    if (url.pathname.endsWith("/get-history-bulk-interval")) return Response.json({ metrics: series[0]?.metrics.map((m) => ({ ...m, run_id: "r1" })) });
    const timestamps = url.searchParams.get("timestamps") !== "false";
    if (server.answer === "missing") return Response.json({ error_code: "ENDPOINT_NOT_FOUND", message: "No such endpoint" }, { status: 404 });
    if (server.answer === "garbage") return new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "application/octet-stream" } });
    if (server.answer === "json") return new Response(`{"series":[${series.map((s) => encodeSampledSeriesColumns(s, timestamps)).join(",")}]}`, { headers: { "content-type": "application/json" } });
    return new Response(new Blob(series.map((s) => encodeSampledSeriesBinary(s, timestamps))), { headers: { "content-type": "application/octet-stream" } });
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

const read = (xAxis: "step" | "timestamp" = "step") => {
  const { queryFn } = sampledHistoryQueryOptions({ runIds: ["r1", "r2"], metricKey: "loss", xAxis, maxPoints: 1000 });
  return (queryFn as () => Promise<ReturnType<typeof columnsOfSeries>[]>)();
};

describe("the charts' sampled history read", () => {
  beforeEach(() => {
    server.urls = [];
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
