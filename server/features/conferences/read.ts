import { dayIn } from '../../../shared/commitments/days.ts';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { type CaseEvent, fold, isPaused } from '../../../shared/conferences/machine.ts';
import type { ReferrerKind, Urgency } from '../../../shared/conferences/names.ts';
import type { Actor } from '../../../shared/permissions/decide.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  allowedOnCase,
  type CaseRow,
  findCase,
  NO_SUCH_CASE,
  type TeamAccess,
  teamCase,
} from './access.ts';
import { allowedTransitions } from './allowed.ts';
import { loadEvents } from './events.ts';
import { itemsOf, namesOf, partiesOf, teamsOf, timelineOf } from './read-parts.ts';
import { OTHER_HARM } from './referral.ts';
import { openReferral } from './sealed.ts';
import { settingsOf } from './settings.ts';

// A case as its team reads it: the referral's words, the workflow's state, the parties, the
// agreement and the timeline, and the steps the workflow would take now. It holds the most
// confidential words of the product, so every answer that carries it is a read in the audit
// trail, whichever route gave it.

/** The label of a harm type as the program names it; a category since removed keeps its id. */
export function harmLabelOf(rules: readonly { id: string; label: string }[], harmType: string) {
  if (harmType === OTHER_HARM) return 'Other';
  return rules.find((rule) => rule.id === harmType)?.label ?? harmType;
}

/** The conference as scheduled: the time from the workflow, the place as the team wrote it. */
function conferenceOf(
  row: CaseRow,
  events: readonly CaseEvent[],
  scheduledAt: string | null,
): CaseDetail['conference'] {
  if (scheduledAt === null) return null;
  const scheduled = events.findLast((event) => event.type === 'scheduled');
  const mode =
    row.mode === 'online' || row.mode === 'in_person'
      ? row.mode
      : scheduled?.type === 'scheduled'
        ? scheduled.mode
        : 'in_person';
  return { startsAt: scheduledAt, mode, place: row.place, circleId: row.circleId };
}

/**
 * The case as it stands now, for someone `teamCase` let in; audited as a read. Other routes that
 * answer a case (transitions, the team, scheduling) call this after their change.
 */
export async function caseDetail(
  context: AppContext,
  access: TeamAccess,
  actor: Actor,
): Promise<CaseDetail> {
  const { db } = context.database;
  const { cipher } = context;
  const row = await findCase(db, access.conference.id);
  if (!row) throw new Error(NO_SUCH_CASE);
  const stored = await loadEvents(db, cipher, row.id);
  const events = stored.map(({ event }) => event);
  const state = fold(events);
  if (!state) throw new Error(`Case ${row.id} has no referral event.`);
  const settings = await settingsOf(db, row.programId);
  const parties = await partiesOf(db, cipher, row.id, state);
  const today = dayIn(context.config.TIME_ZONE);
  const items = await itemsOf(db, cipher, row.id, state, parties, today);
  const team = (await teamsOf(db, [row.id])).get(row.id) ?? [];
  const names = await namesOf(
    db,
    events.map((event) => event.by),
  );
  const referral = openReferral(cipher, row.id, row.referralSealed);
  const detail: CaseDetail = {
    id: row.id,
    programId: row.programId,
    programName: access.program.name,
    reference: row.reference,
    stage: state.stage,
    paused: isPaused(state),
    misconduct: row.misconduct,
    harmType: row.harmType,
    harmLabel: harmLabelOf(settings.rules, row.harmType),
    urgency: row.urgency as Urgency,
    incidentOn: row.incidentOn,
    referral: {
      kind: row.referrerKind as ReferrerKind,
      organisation: row.referrerOrganisation,
      name: referral.referrerName,
      contact: referral.referrerContact,
      summary: referral.summary,
      peopleInvolved: referral.peopleInvolved,
      receivedAt: row.createdAt.toISOString(),
    },
    eligibility: state.eligibility,
    safety: state.safety,
    signOff: state.signOff,
    pendingClosure: state.pendingClosure,
    outcome: state.outcome,
    conference: conferenceOf(row, events, state.scheduledAt),
    team,
    parties,
    items,
    timeline: timelineOf(stored, names),
    allowed: allowedTransitions(state),
    canChange:
      access.assigned || allowedOnCase(actor, 'conference.coordinate', row, access.program),
  };
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: access.program.leadOrganisationId,
    action: 'conference.read',
    targetType: 'conference',
    targetId: row.id,
    outcome: 'succeeded',
    details: { stage: state.stage, parties: parties.length, items: items.length },
  });
  return detail;
}

/** GET /api/conferences/:id, for the case team. */
export async function readCase(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
): Promise<CaseDetail> {
  const access = await teamCase(context.database.db, actor, conferenceId, 'case');
  return caseDetail(context, access, actor);
}
