import { csvDocument } from '../../../platform/http/csv.ts';
import type { PublicCommitment } from './query.ts';
import { type RegisterLanguage, words } from './words.ts';

// The register as a spreadsheet (server/platform/http/csv.ts writes it safely). Labels are in
// the reader's language; ids and times are kept as written (ISO 8601) so that they sort.

export const CSV_MAX_ROWS = 10_000;

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
