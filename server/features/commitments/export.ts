import type { CommitmentFilters } from '../../../shared/commitments/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { csvDocument } from '../../platform/http/csv.ts';
import { authorizedProgram } from './access.ts';
import { words } from './public/words.ts';
import { listCommitments } from './read.ts';

// A program's register as a spreadsheet for its staff and oversight: what the person may see,
// in their language, with the public register's columns and who may see each one. A case
// team's commitments stay with the case team: they are never in an export.

const columns = {
  en: [
    'id',
    'title',
    'program',
    'owner organisation',
    'owner unit',
    'owner person',
    'source',
    'source label',
    'due on',
    'status',
    'percent',
    'overdue',
    'verified at',
    'visibility',
    'updated at',
  ],
  es: [
    'id',
    'título',
    'programa',
    'organización responsable',
    'unidad responsable',
    'persona responsable',
    'origen',
    'detalle del origen',
    'fecha límite',
    'estado',
    'porcentaje',
    'vencido',
    'verificado el',
    'visibilidad',
    'actualizado el',
  ],
} as const;

const visibilityWords = {
  en: { public: 'public', program: 'people of the program' },
  es: { public: 'público', program: 'personas del programa' },
} as const;

export async function exportCommitments(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  filters: CommitmentFilters,
): Promise<{ filename: string; csv: string }> {
  await authorizedProgram(context.database.db, actor, 'commitment.export', programId);
  const language = actor.language === 'es' ? 'es' : 'en';
  const say = words[language];
  const { commitments } = await listCommitments(context, actor, programId, filters);
  const rows = commitments.flatMap((row) =>
    row.visibility === 'case_team'
      ? []
      : [
          [
            row.id,
            row.title,
            row.programName,
            row.owner.organisation.name,
            row.owner.unit,
            row.owner.person?.name ?? '',
            say.sources[row.source],
            row.sourceLabel,
            row.dueOn,
            say.statuses[row.status],
            String(row.percent),
            row.overdue ? say.yes : say.no,
            row.verifiedAt ?? '',
            visibilityWords[language][row.visibility],
            row.updatedAt,
          ],
        ],
  );
  return {
    filename: `commitments-${programId}.csv`,
    csv: csvDocument([columns[language], ...rows]),
  };
}
