import type { ViewType } from "../../../core/index.js";

/** Everything that decides which runs the server returns, in which order: the key of a runs search. */
export interface RunSearch {
  /** Sorted, so the same set of experiments is the same query. */
  experimentIds: readonly string[];
  filter: string;
  /** One MLflow order_by clause, e.g. "metrics.`loss` ASC"; undefined = server default (start_time DESC). */
  orderBy: string | undefined;
  viewType: ViewType;
}
