import type { GroupRates, Rates } from '../../../shared/dialogues/analysis.ts';
import { participantRoles } from '../../../shared/dialogues/analysis.ts';
import type { DialogueReport } from '../../../shared/dialogues/contract.ts';
import { csvDocument } from '../../platform/http/csv.ts';

// The report as a spreadsheet, one row per statement: the same figures as the page and nothing
// more (no participant, no group's members). A role or opinion group too small to show has
// blank cells, as the page shows none. Cells are quoted and guarded against formulas by the
// register's CSV writer, since statements are written by anyone who takes part.

const rate = (value: number) => value.toFixed(3);
/** Opinion groups are lettered, as Pol.is letters them: group A, group B. */
export const groupLetter = (id: number) => String.fromCharCode(65 + id);

const rateCells = (rates: GroupRates): string[] =>
  rates.shown
    ? [rate(rates.agreeRate), rate(rates.agreeInterval[0]), rate(rates.agreeInterval[1])]
    : ['', '', ''];

const overallCells = (rates: Rates): string[] => [
  String(rates.agree),
  String(rates.disagree),
  String(rates.pass),
  rate(rates.agreeRate),
  rate(rates.disagreeRate),
  rate(rates.passRate),
  rate(rates.agreeInterval[0]),
  rate(rates.agreeInterval[1]),
];

const agreeColumns = (who: string) => [
  `${who} agree rate`,
  `${who} agree low`,
  `${who} agree high`,
];

export function reportCsv(report: DialogueReport): string {
  const header = [
    'number',
    'text',
    'author role',
    'agree',
    'disagree',
    'pass',
    'agree rate',
    'disagree rate',
    'pass rate',
    'agree low',
    'agree high',
    ...participantRoles.flatMap((role) => agreeColumns(role)),
    ...report.opinionGroups.flatMap((group) => agreeColumns(`group ${groupLetter(group.id)}`)),
    'consensus',
    'common ground',
    'divisive',
  ];
  const commonGround = new Set(report.commonGround);
  const divisive = new Set(report.divisive);
  const rows = report.statements.map((statement) => [
    String(statement.number),
    statement.text,
    statement.authorRole,
    ...overallCells(statement.overall),
    ...participantRoles.flatMap((role) => rateCells(statement.byRole[role])),
    ...report.opinionGroups.flatMap((group) =>
      rateCells(statement.byOpinionGroup[group.id] ?? { shown: false }),
    ),
    statement.consensus.toFixed(4),
    commonGround.has(statement.id) ? 'yes' : 'no',
    divisive.has(statement.id) ? 'yes' : 'no',
  ]);
  return csvDocument([header, ...rows]);
}
