// Indexes that MLflow's schema lacks and Tracklet's reads need; the metrics one covers history
// reads entirely (no table lookups), whatever the length of the series. Named `tracklet_*` so they can
// never collide with an index a later MLflow migration creates; MLflow ignores them.
export const searchIndexesSqlite = `
CREATE INDEX IF NOT EXISTS tracklet_latest_metrics_key_value ON latest_metrics (key, value);
CREATE INDEX IF NOT EXISTS tracklet_params_key_value ON params (key, value);
CREATE INDEX IF NOT EXISTS tracklet_tags_key_value ON tags (key, value);
CREATE INDEX IF NOT EXISTS tracklet_metrics_run_key_step ON metrics (run_uuid, key, step, timestamp, value, is_nan);
CREATE INDEX IF NOT EXISTS tracklet_runs_experiment_start ON runs (experiment_id, start_time);
`;
