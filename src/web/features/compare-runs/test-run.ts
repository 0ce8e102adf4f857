import type { Run } from "../../../core/index.js";

/** An in-memory run for the unit tests of this folder: params and tags as text, metrics as latest values. */
export function testRun(
  id: string,
  data: { params?: Record<string, string>; metrics?: Record<string, number>; tags?: Record<string, string> } = {},
): Run {
  return {
    info: { run_id: id, run_uuid: id, run_name: `run-${id}`, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: "active" },
    data: {
      params: Object.entries(data.params ?? {}).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(data.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: 1, step: 0 })),
      tags: Object.entries(data.tags ?? {}).map(([key, value]) => ({ key, value })),
    },
    inputs: { dataset_inputs: [] },
  };
}
