// Spreadsheets as RFC 4180 CSV (CRLF lines, every field quoted, quotes doubled), with a UTF-8
// byte order mark so that spreadsheet programs read accents, and no cell that a spreadsheet
// would run as a formula: whatever people typed stays text.

const BOM = '\uFEFF';
// A cell that starts with one of these is a formula to Excel, LibreOffice and Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${guarded.replaceAll('"', '""')}"`;
}

/** A whole CSV document: a header row and the rows, each cell quoted and guarded. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return `${BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
