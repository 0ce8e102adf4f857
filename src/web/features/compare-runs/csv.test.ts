import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.js";

describe("CSV", () => {
  it("quotes only fields that need it and doubles inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("keeps plain numbers, signed or not, as numbers", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell("-0.5")).toBe("-0.5");
    expect(csvCell("+1e-3")).toBe("+1e-3");
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvCell(Number.NaN)).toBe("NaN");
    expect(csvCell(-Infinity)).toBe("'-Infinity");
  });

  it("joins rows with CRLF and ends with one", () => {
    expect(toCsv([["key", "a"], ["lr", 0.1]])).toBe("key,a\r\nlr,0.1\r\n");
  });
});
