import { and, asc, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { CaseSummary } from '../../../shared/conferences/contract.ts';
import type { CaseStage } from '../../../shared/conferences/machine.ts';
import type { ReferrerKind, Urgency } from '../../../shared/conferences/names.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram } from '../organisations/service.ts';
import { type CaseRow, isFirewalled } from './access.ts';
import { teamsOf } from './read-parts.ts';
import {
  conferenceConsents,
  conferenceItems,
  conferenceParties,
  conferences,
  conferenceTeam,
} from './schema.ts';

// The case board: a program's cases by stage, from plain columns only (no sealed word is opened
// to draw it). A coordinator sees every case of the program; a facilitator only the cases they
// are on the team of; and the firewall leaves out every misconduct case of an agency in whose
// professional standards the person works, whatever else they hold.

/** Urgent cases first, then those waiting longest. */
const urgencyOrder = sql`case ${conferences.urgency} when 'urgent' then 0 when 'soon' then 1 else 2 end`;

async function partyCounts(db: Database, conferenceIds: string[]) {
  const rows = await db
    .select({
      conferenceId: conferenceParties.conferenceId,
      total: count(conferenceParties.id),
      consented: count(conferenceConsents.id),
    })
    .from(conferenceParties)
    .leftJoin(
      conferenceConsents,
      and(
        eq(conferenceConsents.partyId, conferenceParties.id),
        isNull(conferenceConsents.withdrawnAt),
      ),
    )
    .where(
      and(
        inArray(conferenceParties.conferenceId, conferenceIds),
        isNull(conferenceParties.removedAt),
      ),
    )
    .groupBy(conferenceParties.conferenceId);
  return new Map(
    rows.map((row) => [
      row.conferenceId,
      { total: Number(row.total), consented: Number(row.consented) },
    ]),
  );
}

async function openItemCounts(db: Database, conferenceIds: string[], today: string) {
  const rows = await db
    .select({
      conferenceId: conferenceItems.conferenceId,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${lt(conferenceItems.dueOn, today)})`,
    })
    .from(conferenceItems)
    .where(
      and(inArray(conferenceItems.conferenceId, conferenceIds), eq(conferenceItems.status, 'open')),
    )
    .groupBy(conferenceItems.conferenceId);
  return new Map(
    rows.map((row) => [row.conferenceId, { open: Number(row.open), overdue: Number(row.overdue) }]),
  );
}

async function summariesOf(context: AppContext, rows: readonly CaseRow[]): Promise<CaseSummary[]> {
  if (rows.length === 0) return [];
  const { db } = context.database;
  const ids = rows.map((row) => row.id);
  const [teams, parties, items] = await Promise.all([
    teamsOf(db, ids),
    partyCounts(db, ids),
    openItemCounts(db, ids, dayIn(context.config.TIME_ZONE)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    stage: row.stage as CaseStage,
    paused: row.paused,
    misconduct: row.misconduct,
    harmType: row.harmType,
    urgency: row.urgency as Urgency,
    referrerKind: row.referrerKind as ReferrerKind,
    team: teams.get(row.id) ?? [],
    parties: parties.get(row.id) ?? { total: 0, consented: 0 },
    items: items.get(row.id) ?? { open: 0, overdue: 0 },
    startsAt: row.startsAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** GET /api/programs/:programId/conferences (?stage=). */
export async function caseBoard(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  stage: CaseStage | undefined,
): Promise<CaseSummary[]> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  const target = programTarget(programId, program);
  await authorize(db, actor, 'conference.facilitate', target);
  if (!program) throw new NotFoundError('There is no such program.');
  const onTeam = db
    .select({ id: conferenceTeam.conferenceId })
    .from(conferenceTeam)
    .where(and(eq(conferenceTeam.personId, actor.personId), isNull(conferenceTeam.removedAt)));
  const coordinates = decide(actor, 'conference.coordinate', target).allowed;
  const rows = await db
    .select()
    .from(conferences)
    .where(
      and(
        eq(conferences.programId, programId),
        stage ? eq(conferences.stage, stage) : undefined,
        coordinates ? undefined : inArray(conferences.id, onTeam),
      ),
    )
    .orderBy(urgencyOrder, asc(conferences.createdAt), asc(conferences.id));
  return summariesOf(
    context,
    rows.filter((row) => !isFirewalled(actor, row)),
  );
}
