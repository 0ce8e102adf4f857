// Run search compiles each metric/param/tag clause to `run_uuid IN (SELECT run_uuid FROM <table>
// WHERE key = ? AND value <op> ?)`. With 0002's (key, value) indexes SQLite finds the matching
// index entries but must then read every matching row of the table for its run_uuid: one random
// row lookup per entry, for every experiment in the database (bench/search.ts: 3.2 s for a 10k-run
// experiment next to a 100k-run one). Adding run_uuid makes the indexes covering, so each list is
// one contiguous index range scan. The (key, value) indexes are prefixes of the new ones and
// are dropped. Named `tracklet_*` like 0002's, so they cannot collide with MLflow's.
export const searchCoveringIndexesSqlite = `
CREATE INDEX IF NOT EXISTS tracklet_latest_metrics_key_value_run ON latest_metrics (key, value, run_uuid);
CREATE INDEX IF NOT EXISTS tracklet_params_key_value_run ON params (key, value, run_uuid);
CREATE INDEX IF NOT EXISTS tracklet_tags_key_value_run ON tags (key, value, run_uuid);
DROP INDEX IF EXISTS tracklet_latest_metrics_key_value;
DROP INDEX IF EXISTS tracklet_params_key_value;
DROP INDEX IF EXISTS tracklet_tags_key_value;
`;
