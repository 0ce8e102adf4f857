import type { ViewType } from "../../../core/index.js";

/** Query keys of the experiments feature, generic → specific, so invalidation can target any level. */
export const experimentKeys = {
  all: ["experiments"] as const,
  lists: () => [...experimentKeys.all, "list"] as const,
  list: (viewType: ViewType) => [...experimentKeys.lists(), viewType] as const,
  details: () => [...experimentKeys.all, "detail"] as const,
  detail: (experimentId: string) => [...experimentKeys.details(), experimentId] as const,
};
