import { randomInt } from 'node:crypto';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import { partyRoles } from '../../../shared/conferences/machine.ts';
import { itemKinds } from '../../../shared/conferences/names.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { programs } from '../organisations/schema.ts';
import { findProgram } from '../organisations/service.ts';
import { conferenceItems, conferenceParties, conferences } from './schema.ts';

// GET /api/programs/:programId/conference-outcomes.csv: one row per closed case, for
// evaluation. De-identified by construction: it reads plain columns and counts only, never a
// name or a word; a row's id is drawn afresh for each export, so that it cannot be matched to a
// case or across exports; dates go no finer than the month, and rows come in random order
// within the month they closed, so that their order says nothing of when. A case that shares its
// harm type, kind, referrer, urgency and months with fewer than four others could still be
// recognised by someone who knows of it: those details are left empty on its row and
// `small_group` says so, while its outcome and counts still count.

/** The fewest cases sharing their details for those details to be shown. */
export const SMALL_GROUP = 5;

const DAY_MS = 86_400_000;

export const outcomeColumns = [
  'row_id',
  'harm_type',
  'misconduct',
  'referrer_kind',
  'urgency',
  'referred_month',
  'closed_month',
  'days_to_closure',
  'outcome',
  ...partyRoles.map((role) => `parties_${role}`),
  ...itemKinds.flatMap((kind) => [`items_${kind}`, `items_${kind}_done`]),
  'small_group',
] as const;

/** The columns that, together, could point at one case: its details. */
const detailColumns = [1, 2, 3, 4, 5, 6] as const;
/** Withheld with them: how long the case took, which could tell it apart within its month. */
const withheldColumns: readonly number[] = [...detailColumns, 7];

/** Each row's details, emptied where fewer than SMALL_GROUP rows share them. */
function withSmallGroupsWithheld(rows: string[][]): string[][] {
  const keyOf = (row: string[]) => JSON.stringify(detailColumns.map((column) => row[column]));
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(keyOf(row), (sizes.get(keyOf(row)) ?? 0) + 1);
  return rows.map((row) => {
    const small = (sizes.get(keyOf(row)) ?? 0) < SMALL_GROUP;
    const cells = row.map((cell, column) =>
      small && withheldColumns.includes(column) ? '' : cell,
    );
    return [...cells, small ? 'yes' : 'no'];
  });
}

/** Every value is an id, a number or yes/no, so quoting alone keeps the document well formed. */
const csvLine = (cells: readonly string[]) =>
  cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');

function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export async function exportOutcomes(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<{ filename: string; csv: string }> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'conference.export', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const [{ timeZone } = { timeZone: 'UTC' }] = await db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.id, programId));
  const closed = await db
    .select({
      id: conferences.id,
      harmType: conferences.harmType,
      misconduct: conferences.misconduct,
      referrerKind: conferences.referrerKind,
      urgency: conferences.urgency,
      outcome: conferences.outcome,
      createdAt: conferences.createdAt,
      closedAt: conferences.closedAt,
      updatedAt: conferences.updatedAt,
    })
    .from(conferences)
    .where(and(eq(conferences.programId, programId), eq(conferences.stage, 'closed')));
  const ids = closed.map((each) => each.id);
  const parties =
    ids.length === 0
      ? []
      : await db
          .select({
            conferenceId: conferenceParties.conferenceId,
            role: conferenceParties.role,
            count: count(),
          })
          .from(conferenceParties)
          .where(
            and(inArray(conferenceParties.conferenceId, ids), isNull(conferenceParties.removedAt)),
          )
          .groupBy(conferenceParties.conferenceId, conferenceParties.role);
  const items =
    ids.length === 0
      ? []
      : await db
          .select({
            conferenceId: conferenceItems.conferenceId,
            kind: conferenceItems.kind,
            status: conferenceItems.status,
            count: count(),
          })
          .from(conferenceItems)
          .where(inArray(conferenceItems.conferenceId, ids))
          .groupBy(conferenceItems.conferenceId, conferenceItems.kind, conferenceItems.status);
  const rows = closed.map((each) => {
    const referred = dayIn(timeZone, each.createdAt);
    const closedOn = dayIn(timeZone, each.closedAt ?? each.updatedAt);
    const partiesAs = (role: string) =>
      parties.find((row) => row.conferenceId === each.id && row.role === role)?.count ?? 0;
    const itemsOf = (kind: string, done: boolean) =>
      items
        .filter(
          (row) =>
            row.conferenceId === each.id && row.kind === kind && (!done || row.status === 'done'),
        )
        .reduce((sum, row) => sum + row.count, 0);
    return [
      crypto.randomUUID(),
      each.harmType,
      each.misconduct ? 'yes' : 'no',
      each.referrerKind,
      each.urgency,
      referred.slice(0, 7),
      closedOn.slice(0, 7),
      String(daysBetween(referred, closedOn)),
      each.outcome ?? '',
      ...partyRoles.map((role) => String(partiesAs(role))),
      ...itemKinds.flatMap((kind) => [String(itemsOf(kind, false)), String(itemsOf(kind, true))]),
    ];
  });
  const ordered = withSmallGroupsWithheld(shuffled(rows)).sort((a, b) =>
    (a[6] ?? '').localeCompare(b[6] ?? ''),
  );
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program.leadOrganisationId,
    action: 'conference.outcomes_exported',
    targetType: 'program',
    targetId: programId,
    outcome: 'succeeded',
    details: { rows: ordered.length },
  });
  return {
    filename: `conference-outcomes-${programId}.csv`,
    csv: `${[outcomeColumns, ...ordered].map(csvLine).join('\r\n')}\r\n`,
  };
}
