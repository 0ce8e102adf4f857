import type { Kysely } from "kysely";
import { compileTemplate, type QueryTemplate } from "./compile-template.js";
import type { Database } from "./database-schema.js";

type MetricField = "key" | "value" | "timestamp" | "step" | "is_nan" | "run_uuid";
const FIELDS: readonly MetricField[] = ["key", "value", "timestamp", "step", "is_nan", "run_uuid"];

export interface MetricTemplates {
  /** Appends a point; an identical point (same key, value, timestamp, step) is ignored, as in MLflow. */
  insertMetric: QueryTemplate<MetricField>;
  /** Replaces the latest value only when the new point is later by (step, timestamp, value). */
  upsertLatest: QueryTemplate<MetricField>;
}

const cache = new WeakMap<Kysely<Database>, MetricTemplates>();

export function metricTemplates(db: Kysely<Database>): MetricTemplates {
  let templates = cache.get(db);
  if (templates) return templates;
  templates = {
    insertMetric: compileTemplate(FIELDS, (p) => db.insertInto("metrics").values(p as never).onConflict((oc) => oc.doNothing())),
    upsertLatest: compileTemplate(FIELDS, (p) =>
      db
        .insertInto("latest_metrics")
        .values(p as never)
        .onConflict((oc) =>
          oc
            .columns(["key", "run_uuid"])
            .doUpdateSet((eb) => ({
              value: eb.ref("excluded.value"),
              timestamp: eb.ref("excluded.timestamp"),
              step: eb.ref("excluded.step"),
              is_nan: eb.ref("excluded.is_nan"),
            }))
            .where((eb) =>
              eb.or([
                eb("excluded.step", ">", eb.ref("latest_metrics.step")),
                eb.and([
                  eb("excluded.step", "=", eb.ref("latest_metrics.step")),
                  eb.or([
                    eb("excluded.timestamp", ">", eb.ref("latest_metrics.timestamp")),
                    eb.and([
                      eb("excluded.timestamp", "=", eb.ref("latest_metrics.timestamp")),
                      eb("excluded.value", ">", eb.ref("latest_metrics.value")),
                    ]),
                  ]),
                ]),
              ]),
            ),
        ),
    ),
  };
  cache.set(db, templates);
  return templates;
}
