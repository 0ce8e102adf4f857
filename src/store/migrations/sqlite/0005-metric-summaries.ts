// The summary cache of the sampled history read (store/sql/metric-summary-cache.ts): per metric
// series, blocks of consecutive points at several widths, so a chart of a long series reads
// O(max_points) summary rows instead of seeking through every bucket of raw rows. A cache only:
// rows are rebuilt whenever the series' point count differs from `point_count` (metrics rows are
// insert-only, so every write, also MLflow's on a shared file, changes it) and can be deleted at
// any time. Named `tracklet_*`; MLflow's tables are not touched.
//
// Blocks are packed `tracklet_metric_summary_pages.blocks` (little-endian doubles) rather than a
// row each: reading 250,000 narrow rows through the driver costs ~1 s here, the same blocks in
// ~500 pages a few milliseconds.
export const metricSummariesSqlite = `
CREATE TABLE IF NOT EXISTS tracklet_metric_summaries (
  run_uuid VARCHAR(32) NOT NULL,
  key VARCHAR(250) NOT NULL,
  point_count BIGINT NOT NULL,
  first_step BIGINT NOT NULL,
  last_step BIGINT NOT NULL,
  builds INTEGER NOT NULL,
  PRIMARY KEY (run_uuid, key)
);
CREATE TABLE IF NOT EXISTS tracklet_metric_summary_pages (
  run_uuid VARCHAR(32) NOT NULL,
  key VARCHAR(250) NOT NULL,
  level INTEGER NOT NULL,
  page INTEGER NOT NULL,
  first_step BIGINT NOT NULL,
  last_step BIGINT NOT NULL,
  blocks BLOB NOT NULL,
  PRIMARY KEY (run_uuid, key, level, page)
);
`;
