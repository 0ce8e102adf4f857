import { describe, expect, it } from "vitest";
import { tableCutNotice, textCutNotice } from "./preview-notice.js";

describe("textCutNotice", () => {
  it("says nothing for a file read whole", () => {
    expect(textCutNotice({ bytesRead: 10, truncated: false, totalBytes: 10 })).toBeUndefined();
  });

  it("says how much of how much is shown", () => {
    expect(textCutNotice({ bytesRead: 1_048_576, truncated: true, totalBytes: 2 * 1024 ** 3 })).toBe("Showing the first 1 MiB of 2 GiB. Download the file to see all of it.");
    expect(textCutNotice({ bytesRead: 1_048_576, truncated: true, totalBytes: undefined })).toBe("Showing the first 1 MiB; the file is longer. Download the file to see all of it.");
  });

  it("says so when the end of the file is shown", () => {
    expect(textCutNotice({ bytesRead: 1_048_576, truncated: true, totalBytes: 5_452_595 }, "end")).toBe("Showing the last 1 MiB of 5.2 MiB. Download the file to see all of it.");
    expect(textCutNotice({ bytesRead: 1_048_576, truncated: true, totalBytes: undefined }, "end")).toBe("Showing the last 1 MiB; the file is longer. Download the file to see all of it.");
    expect(textCutNotice({ bytesRead: 300, truncated: false, totalBytes: 300 }, "end")).toBeUndefined();
  });
});

describe("tableCutNotice", () => {
  const whole = { bytesRead: 900, truncated: false, totalBytes: 900 };
  it("says nothing when every row is shown", () => {
    expect(tableCutNotice(whole, 12, false)).toBeUndefined();
  });

  it("counts the rows shown, and says when only the file's start was read", () => {
    expect(tableCutNotice(whole, 500, true)).toBe("Showing the first 500 rows. Download the file to see all of it.");
    expect(tableCutNotice({ bytesRead: 1_048_576, truncated: true, totalBytes: 5_242_880 }, 1, true)).toBe(
      "Showing the first 1 row, from the first 1 MiB of 5 MiB. Download the file to see all of it.",
    );
  });
});
