// Two access paths of runs/search that 0002/0003 left to row lookups:
//  - Hydration reads every param, tag and latest metric of a page of runs by run_uuid. MLflow's
//    own run_uuid indexes hold only the id, so each of the ~50 rows per run was a random table
//    lookup (≈23 ms per page of 100 runs with 20 params, 10 tags, 20 metrics). These indexes carry
//    the columns read, so a run's rows are one contiguous index range, already in key order.
//  - A search ordered by a metric walks latest_metrics in (key, is_nan, value) order and stops once
//    a page is filled (sql/search/ordered-window-search.ts). The (key, value, run_uuid) index of
//    0003 served only range filters, which now probe the primary key per candidate run instead, so
//    it is replaced by the ordered one. Each index entry is checked against the searched
//    experiments and lifecycle stage through a covering runs index, not a table lookup.
export const runHydrationAndOrderIndexesSqlite = `
CREATE INDEX IF NOT EXISTS tracklet_params_run_key_value ON params (run_uuid, key, value);
CREATE INDEX IF NOT EXISTS tracklet_tags_run_key_value ON tags (run_uuid, key, value);
CREATE INDEX IF NOT EXISTS tracklet_latest_metrics_run_key ON latest_metrics (run_uuid, key, value, timestamp, step, is_nan);
CREATE INDEX IF NOT EXISTS tracklet_latest_metrics_key_nan_value_run ON latest_metrics (key, is_nan, value, run_uuid);
CREATE INDEX IF NOT EXISTS tracklet_runs_uuid_experiment_stage ON runs (run_uuid, experiment_id, lifecycle_stage);
DROP INDEX IF EXISTS tracklet_latest_metrics_key_value_run;
`;
