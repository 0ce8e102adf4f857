import { encodeSampledSeries, encodeSampledSeriesColumns, type SampledMetricSeries } from "../../core/charts/index.js";
import { encodeJson, type Metric } from "../../core/index.js";

/** A response body produced piece by piece, so a long answer never sits in memory whole. */
export class StreamedJson {
  constructor(readonly chunks: AsyncIterable<string> | Iterable<string>) {}
}

/**
 * `{"metrics":[…]}` written chunk by chunk with the same encoding as every other response
 * (NaN as "NaN"); an empty history is `{}`, as MLflow renders an empty list.
 */
export function streamMetrics(chunks: AsyncIterable<Metric[]>): StreamedJson {
  return new StreamedJson(
    (async function* () {
      let first = true;
      for await (const metrics of chunks) {
        if (metrics.length === 0) continue;
        const body = metrics.map((m) => encodeJson(m)).join(",");
        yield first ? `{"metrics":[${body}` : `,${body}`;
        first = false;
      }
      yield first ? "{}" : "]}";
    })(),
  );
}

/**
 * `{"series":[…]}` of the sampled history, one chunk per series encoded directly as it is read
 * (`encodeSampledSeries`, the same text as `encodeJson`, or the `columns=true` layout, with or
 * without its timestamps); no series is `{}`.
 */
export function streamSampledSeries(series: AsyncIterable<SampledMetricSeries>, columns = false, timestamps = true): StreamedJson {
  const encode = columns ? (s: SampledMetricSeries) => encodeSampledSeriesColumns(s, timestamps) : encodeSampledSeries;
  return new StreamedJson(
    (async function* () {
      let first = true;
      for await (const s of series) {
        yield `${first ? '{"series":[' : ","}${encode(s)}`;
        first = false;
      }
      yield first ? "{}" : "]}";
    })(),
  );
}
