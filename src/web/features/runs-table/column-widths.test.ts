import { describe, expect, it } from "vitest";
import { NAME_COLUMN, dataColumn } from "./column-model.js";
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, clampColumnWidth, defaultColumnWidth, sized, withWidth } from "./column-widths.js";

describe("column widths", () => {
  it("are whole pixels between the bounds", () => {
    expect(clampColumnWidth(10)).toBe(MIN_COLUMN_WIDTH);
    expect(clampColumnWidth(5000)).toBe(MAX_COLUMN_WIDTH);
    expect(clampColumnWidth(200.6)).toBe(201);
  });

  it("default to the column's own width, and to nothing for an id that names no column", () => {
    expect(defaultColumnWidth("attributes.run_name")).toBe(NAME_COLUMN.width);
    expect(defaultColumnWidth("metrics.loss")).toBe(120);
    expect(defaultColumnWidth("params.lr")).toBe(140);
    expect(defaultColumnWidth("attributes.bogus")).toBeUndefined();
  });

  it("keep only widths that differ from the default", () => {
    const wide = withWidth({}, "metrics.loss", 300);
    expect(wide).toEqual({ "metrics.loss": 300 });
    expect(withWidth(wide, "metrics.loss", 120)).toEqual({});
    expect(withWidth(wide, "params.lr", 9999)).toEqual({ "metrics.loss": 300, "params.lr": MAX_COLUMN_WIDTH });
  });

  it("apply to a column without changing the ones left at their default", () => {
    const loss = dataColumn("metrics.loss");
    if (!loss) throw new Error("no column");
    expect(sized(loss, { "metrics.loss": 260 }).width).toBe(260);
    expect(sized(loss, {})).toBe(loss);
    expect(sized(NAME_COLUMN, { "metrics.loss": 260 })).toBe(NAME_COLUMN);
  });
});
