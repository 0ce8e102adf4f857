export interface CsvRows {
  /** The rows read, the header row first; every row as many cells as it had. */
  rows: string[][];
  /** Rows follow those returned (left out by `maxRows`), or the text was cut and its last row dropped. */
  more: boolean;
}

export interface CsvOptions {
  delimiter: "," | "\t";
  /** Rows to return at most, the header row included. */
  maxRows: number;
  /** The text is only the start of the file: a last row without its line break may be cut short, so it is dropped. */
  cut: boolean;
}

/**
 * Rows of CSV or TSV text per RFC 4180: fields in double quotes may hold the delimiter, line breaks
 * and doubled quotes (`""`); rows end with LF, CRLF or CR. Lenient as spreadsheets are: a quote in the
 * middle of an unquoted field is kept as it is, and text after a closing quote joins the field.
 * The one CSV writer in the UI (compare-runs/csv.ts) only writes; no reader existed, and this one
 * stops after `maxRows` without splitting the rest of a megabyte into rows.
 */
export function parseCsvRows(text: string, { delimiter, maxRows, cut }: CsvOptions): CsvRows {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  /** Whether the row being read has any content yet (an empty line is no row). */
  let started = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRow = (): boolean => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    started = false;
    return rows.length >= maxRows;
  };
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      started = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      started = true;
      i++;
    } else if (c === "\n" || c === "\r") {
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      if (!started && field === "") continue;
      if (endRow()) return { rows, more: cut || hasContent(text, i) };
    } else {
      field += c;
      started = true;
      i++;
    }
  }
  // The last row had no line break after it: whole only when the text is the whole file.
  if (started || field !== "") {
    if (cut) return { rows, more: true };
    endRow();
  }
  return { rows, more: cut };
}

/** Whether anything but line breaks follows `from`. */
function hasContent(text: string, from: number): boolean {
  const notBreak = /[^\r\n]/g;
  notBreak.lastIndex = from;
  return notBreak.test(text);
}

/** The table a preview shows: the header row, body rows padded to the widest row. */
export function csvTable(rows: readonly (readonly string[])[]): { header: string[]; body: string[][] } {
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
  const pad = (r: readonly string[]): string[] => [...r, ...Array<string>(width - r.length).fill("")];
  return { header: rows[0] ? pad(rows[0]) : [], body: rows.slice(1).map(pad) };
}
