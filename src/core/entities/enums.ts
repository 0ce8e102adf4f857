/** MLflow's proto enums; the JSON wire form uses the names. */
export const RUN_STATUSES = ["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Proto numbers, accepted on input as protobuf JSON does. */
export const RUN_STATUS_NUMBERS: Readonly<Record<number, RunStatus>> = { 1: "RUNNING", 2: "SCHEDULED", 3: "FINISHED", 4: "FAILED", 5: "KILLED" };

export const VIEW_TYPES = ["ACTIVE_ONLY", "DELETED_ONLY", "ALL"] as const;
export type ViewType = (typeof VIEW_TYPES)[number];
export const VIEW_TYPE_NUMBERS: Readonly<Record<number, ViewType>> = { 1: "ACTIVE_ONLY", 2: "DELETED_ONLY", 3: "ALL" };

export const LIFECYCLE_STAGES = ["active", "deleted"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const SOURCE_TYPES = ["NOTEBOOK", "JOB", "PROJECT", "LOCAL", "UNKNOWN"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** The lifecycle stages a view type selects. */
export function stagesOf(viewType: ViewType): LifecycleStage[] {
  switch (viewType) {
    case "ACTIVE_ONLY":
      return ["active"];
    case "DELETED_ONLY":
      return ["deleted"];
    case "ALL":
      return ["active", "deleted"];
  }
}
