import type { PublicCommitment } from './query.ts';
import { type RegisterLanguage, words } from './words.ts';

// The register as a spreadsheet: RFC 4180 (CRLF lines, every field quoted, quotes doubled), a
// UTF-8 byte order mark so that spreadsheet programs read accents, and no cell that a
// spreadsheet would run as a formula. Labels are in the reader's language; ids and times are
// kept as written (ISO 8601) so that they sort.

export const CSV_MAX_ROWS = 10_000;
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

export function commitmentsCsv(rows: PublicCommitment[], language: RegisterLanguage): string {
  const say = words[language];
  return csvDocument([
    say.csvColumns,
    ...rows.map((row) => [
      row.id,
      row.title,
      row.description,
      row.programName,
      row.ownerName,
      row.ownerUnit,
      say.sources[row.source],
      row.sourceLabel,
      row.dueOn,
      say.statuses[row.status],
      String(row.percent),
      row.overdue ? say.yes : say.no,
      row.verifiedAt?.toISOString() ?? '',
      row.updatedAt.toISOString(),
    ]),
  ]);
}
