import { useEffect, useState } from "react";
import type { Experiment } from "../core/index.js";
import { RestClient } from "../client/rest-client.js";

const client = new RestClient({ baseUrl: "", prefix: "/ajax-api/2.0" });

/** Placeholder shell until the full UI lands: lists experiments from the API. */
export function App() {
  const [experiments, setExperiments] = useState<Experiment[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    client
      .call("searchExperiments", { max_results: 1000 })
      .then((r) => setExperiments(r.experiments ?? []))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
      <h1>Tracklet</h1>
      {error && <p role="alert">{error}</p>}
      {!experiments && !error && <p>Loading experiments…</p>}
      <ul>
        {experiments?.map((e) => (
          <li key={e.experiment_id}>{e.name}</li>
        ))}
      </ul>
    </main>
  );
}
