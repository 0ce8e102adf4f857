/**
 * Under an empty experiment's "No runs here yet": how to log the first run into it, with this
 * server's address and the experiment's id filled in, as MLflow's UI offers in its empty state.
 * Through `tracklet ui` the address is the UI's, which forwards the API, so the snippet works there too.
 */
export function FirstRunHint({ experimentId }: { experimentId: string }) {
  const snippet = [
    "import mlflow",
    "",
    `mlflow.set_tracking_uri(${JSON.stringify(window.location.origin)})`,
    `mlflow.set_experiment(experiment_id=${JSON.stringify(experimentId)})`,
    "with mlflow.start_run():",
    '    mlflow.log_param("lr", 0.01)',
    '    mlflow.log_metric("loss", 0.42)',
  ].join("\n");
  return (
    <div className="first-run-hint" data-testid="first-run-hint">
      <div className="faint">Log a first run from Python:</div>
      <pre>
        <code>{snippet}</code>
      </pre>
    </div>
  );
}
