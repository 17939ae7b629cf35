import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { GROUP_THRESHOLD_DEFAULT } from '../../../shared/measurement/survey-definition.ts';
import {
  type AgeBand,
  ageBands,
  bandsWithin,
  isMinorBand,
} from '../../../shared/youth/contract.ts';
import {
  type YouthReport,
  type YouthReportCounts,
  youthReportFrom,
} from '../../../shared/youth/report.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import {
  mentoringMeetings,
  mentoringPairs,
  youngPeople,
  youthConcerns,
  youthConsentEvents,
  youthEventAttendance,
  youthEvents,
} from './schema.ts';
import { requireYouthSettings, type YouthProgramRow, youthProgramFor } from './settings.ts';

// A youth program's report. Every figure is an SQL aggregate: no row about a person leaves the
// database, and the counts pass through shared/youth/report.ts, which hides small groups, before
// anything is answered. The threshold is Restorativ's one for every figure (decision 028).

const MEETING_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

const minorBands = ageBands.filter(isMinorBand);

/** Where each minor's consent stands, counted as shared/youth/consent.ts would fold it. */
async function consentCounts(
  db: Database,
  programId: string,
  consentVersion: number,
  now: number,
): Promise<YouthReportCounts['consent']> {
  // The latest event says the status; the latest request says which words it was for.
  const lastEvent = db
    .select({ event: youthConsentEvents.event })
    .from(youthConsentEvents)
    .where(eq(youthConsentEvents.youngPersonId, youngPeople.id))
    .orderBy(desc(youthConsentEvents.seq))
    .limit(1);
  const requestedVersion = db
    .select({ version: sql<number>`(${youthConsentEvents.event}->>'version')::int` })
    .from(youthConsentEvents)
    .where(
      and(
        eq(youthConsentEvents.youngPersonId, youngPeople.id),
        sql`${youthConsentEvents.event}->>'type' = 'requested'`,
      ),
    )
    .orderBy(desc(youthConsentEvents.seq))
    .limit(1);
  const standing = db.$with('standing').as(
    db
      .select({
        type: sql<string | null>`(${lastEvent})->>'type'`.as('last_type'),
        expiresAt: sql<number | null>`((${lastEvent})->>'expiresAt')::bigint`.as('expires_at'),
        version: sql<number | null>`(${requestedVersion})`.as('requested_version'),
      })
      .from(youngPeople)
      .where(
        and(
          eq(youngPeople.programId, programId),
          isNull(youngPeople.leftAt),
          inArray(youngPeople.ageBand, minorBands),
        ),
      ),
  );
  const current = sql`${standing.version} = ${consentVersion} and ${standing.expiresAt} > ${now}`;
  const [row] = await db
    .with(standing)
    .select({
      current: sql<number>`(count(*) filter (where ${standing.type} = 'given' and ${current}))::int`,
      lapsed: sql<number>`(count(*) filter (where ${standing.type} = 'given' and not coalesce(${current}, false)))::int`,
      // Not asked yet (no event) waits as a request does: they cannot take part until asked.
      waiting: sql<number>`(count(*) filter (where ${standing.type} is null or ${standing.type} = 'requested'))::int`,
      declined: sql<number>`(count(*) filter (where ${standing.type} = 'declined'))::int`,
      withdrawn: sql<number>`(count(*) filter (where ${standing.type} = 'withdrawn'))::int`,
    })
    .from(standing);
  return {
    current: row?.current ?? 0,
    waiting: row?.waiting ?? 0,
    declined: row?.declined ?? 0,
    withdrawn: row?.withdrawn ?? 0,
    lapsed: row?.lapsed ?? 0,
  };
}

async function bandCounts(db: Database, programId: string): Promise<YouthReportCounts['byBand']> {
  const rows = await db
    .select({ band: youngPeople.ageBand, n: sql<number>`count(*)::int` })
    .from(youngPeople)
    .where(and(eq(youngPeople.programId, programId), isNull(youngPeople.leftAt)))
    .groupBy(youngPeople.ageBand);
  return Object.fromEntries(rows.map((row) => [row.band as AgeBand, row.n]));
}

async function mentoringCounts(db: Database, programId: string, now: Date) {
  const [pairs] = await db
    .select({
      active: sql<number>`(count(*) filter (where ${mentoringPairs.endedAt} is null))::int`,
    })
    .from(mentoringPairs)
    .where(eq(mentoringPairs.programId, programId));
  const since = new Date(now.getTime() - MEETING_WINDOW_DAYS * DAY_MS);
  const [meetings] = await db
    .select({
      logged: sql<number>`count(*)::int`,
      // Someone named besides the mentor and the young person: two adults of the program.
      withTwoAdults: sql<number>`(count(*) filter (where jsonb_array_length(${mentoringMeetings.present}) > 0))::int`,
    })
    .from(mentoringMeetings)
    .innerJoin(mentoringPairs, eq(mentoringPairs.id, mentoringMeetings.pairId))
    .where(
      and(
        eq(mentoringPairs.programId, programId),
        gte(mentoringMeetings.metAt, since),
        lte(mentoringMeetings.metAt, now),
      ),
    );
  return {
    activePairs: pairs?.active ?? 0,
    meetingsLast90Days: meetings?.logged ?? 0,
    meetingsWithTwoAdults: meetings?.withTwoAdults ?? 0,
  };
}

async function eventCounts(db: Database, programId: string, now: Date) {
  const held = and(eq(youthEvents.programId, programId), lte(youthEvents.startsAt, now));
  const [events] = await db
    .select({ held: sql<number>`count(*)::int` })
    .from(youthEvents)
    .where(held);
  const [attendance] = await db
    .select({ present: sql<number>`count(*)::int` })
    .from(youthEventAttendance)
    .innerJoin(youthEvents, eq(youthEvents.id, youthEventAttendance.eventId))
    .where(and(held, eq(youthEventAttendance.present, true)));
  return { eventsHeld: events?.held ?? 0, attendance: attendance?.present ?? 0 };
}

async function concernCounts(db: Database, programId: string) {
  const [row] = await db
    .select({
      raised: sql<number>`count(*)::int`,
      closed: sql<number>`(count(*) filter (where ${youthConcerns.status} = 'closed'))::int`,
    })
    .from(youthConcerns)
    .where(eq(youthConcerns.programId, programId));
  return { concernsRaised: row?.raised ?? 0, concernsClosed: row?.closed ?? 0 };
}

/** The program's counts at `now`, before any is hidden: for the report, never answered as is. */
export async function countYouthProgram(
  db: Database,
  settings: YouthProgramRow,
  now: Date,
): Promise<YouthReportCounts> {
  const { programId } = settings;
  const [byBand, consent, mentoring, events, concerns] = await Promise.all([
    bandCounts(db, programId),
    consentCounts(db, programId, settings.consentVersion, now.getTime()),
    mentoringCounts(db, programId, now),
    eventCounts(db, programId, now),
    concernCounts(db, programId),
  ]);
  return { byBand, consent, ...mentoring, ...events, ...concerns };
}

export async function readYouthReport(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<YouthReport> {
  const program = await youthProgramFor(db, actor, programId, 'youth.report');
  const settings = await requireYouthSettings(db, programId);
  const report = youthReportFrom(
    await countYouthProgram(db, settings, new Date()),
    bandsWithin(settings.minAge, settings.maxAge),
    GROUP_THRESHOLD_DEFAULT,
  );
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program.leadOrganisationId,
    action: 'youth.report_read',
    targetType: 'program',
    targetId: programId,
    outcome: 'succeeded',
  });
  return report;
}
