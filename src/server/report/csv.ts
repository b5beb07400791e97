/**
 * CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, and a field quoted when it holds a comma, a
 * quote or a line break, its quotes doubled. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, so that a spreadsheet shows it rather than runs it as a formula (a comment
 * or an id is whatever a reader or a page sent: `=HYPERLINK(…)` must stay text).
 */

/** What a cell holds: text, a number, or nothing (`null`, an empty field). */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, defused and quoted as needed. Numbers are written as they are. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
