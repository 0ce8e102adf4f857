import { formatBytes, formatCount } from "../../utils/format.js";

export interface CutState {
  /** Bytes read for the preview. */
  bytesRead: number;
  /** The file holds more than was read. */
  truncated: boolean;
  /** The file's full size, when known. */
  totalBytes: number | undefined;
}

/**
 * The line above a text preview that shows only part of its file, or undefined when it shows all of
 * it. `part`: the file's start was read, or (Show end) its end.
 */
export function textCutNotice({ bytesRead, truncated, totalBytes }: CutState, part: "start" | "end" = "start"): string | undefined {
  if (!truncated) return undefined;
  const which = part === "start" ? "first" : "last";
  return totalBytes !== undefined && totalBytes > bytesRead
    ? `Showing the ${which} ${formatBytes(bytesRead)} of ${formatBytes(totalBytes)}. Download the file to see all of it.`
    : `Showing the ${which} ${formatBytes(bytesRead)}; the file is longer. Download the file to see all of it.`;
}

/** The same for a table: `dataRows` rows are shown below the header; `moreRows` when others follow. */
export function tableCutNotice(cut: CutState, dataRows: number, moreRows: boolean): string | undefined {
  if (!moreRows && !cut.truncated) return undefined;
  const rows = `${formatCount(dataRows)} ${dataRows === 1 ? "row" : "rows"}`;
  if (!cut.truncated) return `Showing the first ${rows}. Download the file to see all of it.`;
  const of = cut.totalBytes !== undefined && cut.totalBytes > cut.bytesRead ? ` of ${formatBytes(cut.totalBytes)}` : "";
  return `Showing the first ${rows}, from the first ${formatBytes(cut.bytesRead)}${of}. Download the file to see all of it.`;
}
