import { describe, expect, it } from "vitest";
import { pickMetricKey } from "./pick-metric-key.js";

const keys = ["loss", "val/loss", "accuracy", "val/accuracy", "lr"];

describe("pickMetricKey", () => {
  it("takes a key given whole, and only that when exact", () => {
    expect(pickMetricKey(keys, "val/loss", true)).toBe("val/loss");
    expect(pickMetricKey(keys, "val/lo", true)).toBeUndefined();
  });

  it("takes the one key containing the text, or the one starting with it", () => {
    expect(pickMetricKey(keys, "VAL/ACC", false)).toBe("val/accuracy");
    expect(pickMetricKey(keys, "acc", false)).toBe("accuracy");
    expect(pickMetricKey(keys, "los", false)).toBe("loss");
  });

  it("takes none when the text names several equally, or nothing", () => {
    expect(pickMetricKey(keys, "val", false)).toBeUndefined();
    expect(pickMetricKey(keys, "l", false)).toBeUndefined();
    expect(pickMetricKey(keys, "f1", false)).toBeUndefined();
    expect(pickMetricKey(keys, "  ", false)).toBeUndefined();
  });
});
