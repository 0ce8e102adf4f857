import type { CompiledQuery } from "kysely";
import type { Compilable } from "./sql-executor.js";

const MARK = "\u0000tracklet-param:";

export interface QueryTemplate<K extends string> {
  readonly query: CompiledQuery;
  bind(row: Readonly<Record<K, unknown>>): unknown[];
}

/**
 * Compiles a query once with named placeholders, so a hot path (log-batch) can execute it many
 * times with fresh values without rebuilding SQL per row.
 */
export function compileTemplate<K extends string>(fields: readonly K[], build: (p: Readonly<Record<K, string>>) => Compilable<unknown>): QueryTemplate<K> {
  const placeholders = Object.fromEntries(fields.map((k) => [k, `${MARK}${k}`])) as Record<K, string>;
  const query = build(placeholders).compile();
  const order = query.parameters.map((p) => {
    if (typeof p !== "string" || !p.startsWith(MARK)) throw new Error(`compileTemplate: unexpected literal parameter ${String(p)}`);
    return p.slice(MARK.length) as K;
  });
  return { query, bind: (row) => order.map((k) => row[k]) };
}
