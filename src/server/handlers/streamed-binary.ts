import { encodeSampledSeriesBinary, type SampledMetricSeries } from "../../core/charts/index.js";

/** A binary response body produced piece by piece (`application/octet-stream`). */
export class StreamedBinary {
  constructor(readonly chunks: AsyncIterable<Uint8Array>) {}
}

/**
 * The sampled history in the `binary=true` layout (core/charts/sampled-binary.ts), one frame per
 * series as it is read, as `streamSampledSeries` does for JSON; no series is an empty body.
 */
export function streamSampledBinary(series: AsyncIterable<SampledMetricSeries>, timestamps = true): StreamedBinary {
  return new StreamedBinary(
    (async function* () {
      for await (const s of series) yield encodeSampledSeriesBinary(s, timestamps);
    })(),
  );
}
