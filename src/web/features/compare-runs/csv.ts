/**
 * CSV text per RFC 4180 (CRLF rows, fields quoted when they hold a quote, comma or line break) that
 * spreadsheets cannot execute: a cell starting with = + - @ (or tab / carriage return, which some
 * of them skip) would be read as a formula, the CSV injection MLflow's own export had (#7169), so it
 * gets a leading apostrophe. Plain numbers such as `-0.5` are not formulas and stay as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = typeof value === "number" ? numberText(value) : value;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Full precision, and the spellings spreadsheets read back: NaN, Infinity, -Infinity. */
function numberText(n: number): string {
  return Number.isNaN(n) ? "NaN" : String(n);
}

export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
