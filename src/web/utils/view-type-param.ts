import type { ViewType } from "../../core/index.js";

/** Short URL words for MLflow's view types; Active is the default and is left out of URLs. */
const TO_PARAM: Record<ViewType, string | undefined> = { ACTIVE_ONLY: undefined, DELETED_ONLY: "deleted", ALL: "all" };

export function parseViewType(param: string | null): ViewType {
  if (param === "deleted") return "DELETED_ONLY";
  if (param === "all") return "ALL";
  return "ACTIVE_ONLY";
}

export function viewTypeParam(viewType: ViewType): string | undefined {
  return TO_PARAM[viewType];
}

export const VIEW_TYPE_LABELS: readonly [ViewType, string][] = [
  ["ACTIVE_ONLY", "Active"],
  ["DELETED_ONLY", "Deleted"],
  ["ALL", "All"],
];
