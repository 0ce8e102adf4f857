import { describe, expect, it } from "vitest";
import { csvTable, parseCsvRows } from "./csv-rows.js";

const csv = (text: string, maxRows = 100, cut = false) => parseCsvRows(text, { delimiter: ",", maxRows, cut });

describe("parseCsvRows", () => {
  it("splits rows and fields", () => {
    expect(csv("a,b,c\n1,2,3\n4,5,6\n")).toEqual({ rows: [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]], more: false });
  });

  it("reads a last row without a line break, CRLF and CR line ends, and skips blank lines", () => {
    expect(csv("a,b\r\n1,2\r\n\r\n3,4\r5,6").rows).toEqual([["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]);
  });

  it("reads quoted fields holding delimiters, doubled quotes and line breaks", () => {
    expect(csv('name,comment\n"Smith, J.","said ""hi""\nthen left"\n"",x\n').rows).toEqual([
      ["name", "comment"],
      ["Smith, J.", 'said "hi"\nthen left'],
      ["", "x"],
    ]);
  });

  it("keeps empty fields and a quote inside an unquoted field", () => {
    expect(csv('a,,c\n5" tall,,\n').rows).toEqual([["a", "", "c"], ['5" tall', "", ""]]);
  });

  it("drops a byte-order mark", () => {
    expect(csv("\uFEFFid,v\n1,2\n").rows[0]).toEqual(["id", "v"]);
  });

  it("stops after maxRows and says more rows follow", () => {
    const text = ["h", ...Array.from({ length: 1000 }, (_, i) => String(i))].join("\n") + "\n";
    const result = csv(text, 501);
    expect(result.rows).toHaveLength(501);
    expect(result.rows[500]).toEqual(["499"]);
    expect(result.more).toBe(true);
    expect(csv("h\n1\n", 2)).toEqual({ rows: [["h"], ["1"]], more: false });
    expect(csv("h\n1\n\n\n", 2).more).toBe(false);
  });

  it("drops the last row of cut text, which may be partial, unless it ended with its line break", () => {
    expect(csv("a,b\n1,2\n3,", 100, true)).toEqual({ rows: [["a", "b"], ["1", "2"]], more: true });
    expect(csv('a,b\n1,"multi\nline', 100, true)).toEqual({ rows: [["a", "b"]], more: true });
    expect(csv("a,b\n1,2\n", 100, true)).toEqual({ rows: [["a", "b"], ["1", "2"]], more: true });
  });

  it("splits TSV on tabs only", () => {
    expect(parseCsvRows("a\tb,c\n1\t2\n", { delimiter: "\t", maxRows: 10, cut: false }).rows).toEqual([["a", "b,c"], ["1", "2"]]);
  });
});

describe("csvTable", () => {
  it("takes the header from the first row and pads ragged rows", () => {
    expect(csvTable([["a", "b"], ["1"], ["1", "2", "3"]])).toEqual({
      header: ["a", "b", ""],
      body: [
        ["1", "", ""],
        ["1", "2", "3"],
      ],
    });
    expect(csvTable([])).toEqual({ header: [], body: [] });
  });
});
