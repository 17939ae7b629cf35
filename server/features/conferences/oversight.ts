import { and, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  OversightView,
  SignOffRequest,
  signOffBody,
} from '../../../shared/conferences/contract.ts';
import { type CaseEvent, type CaseState, fold } from '../../../shared/conferences/machine.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram } from '../organisations/service.ts';
import { oversightCase, type TeamAccess } from './access.ts';
import { withStep } from './command.ts';
import { loadEvents } from './events.ts';
import { casePageFor } from './notices.ts';
import { teamRecipients } from './party-mail.ts';
import { harmLabelOf } from './read.ts';
import { conferenceItems, conferences } from './schema.ts';
import { settingsOf } from './settings.ts';

// What an oversight reviewer reads and signs: a misconduct case's screening decision (eligible or
// not and why, safe and voluntary or not) and a requested closure, with the agreement's items by
// kind, due day and status. Built from the workflow's decisions and plain columns only: never the
// referral's words, a statement, a note or a preparation record, so none can slip in.

export type SignOff = z.output<typeof signOffBody>;
type Executor = Database | Transaction;

/** What waits for the reviewer on a case, and since when. */
function awaitingOf(
  state: CaseState,
  events: readonly CaseEvent[],
): { stage: 'screening' | 'closure'; since: string } | null {
  const lastOf = (types: CaseEvent['type'][]) =>
    events.findLast((event) => types.includes(event.type))?.at ?? state.updatedAt;
  if (state.pendingClosure && state.stage !== 'closed') {
    return { stage: 'closure', since: lastOf(['closure_requested']) };
  }
  if (
    state.misconduct &&
    state.stage === 'screening' &&
    state.eligibility &&
    state.safety &&
    state.signOff.screening === null
  ) {
    return { stage: 'screening', since: lastOf(['eligibility_recorded', 'safety_recorded']) };
  }
  return null;
}

async function stateOf(db: Executor, context: Pick<AppContext, 'cipher'>, conferenceId: string) {
  const events = (await loadEvents(db, context.cipher, conferenceId)).map(({ event }) => event);
  const state = fold(events);
  if (!state) throw new Error(`Case ${conferenceId} has no referral event.`);
  return { state, events };
}

/** GET /api/programs/:programId/conference-sign-offs: what waits for the program's reviewers. */
export async function signOffRequests(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<SignOffRequest[]> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'conference.oversee', {
    ...programTarget(programId, program),
    type: 'program',
    id: programId,
  });
  const cases = await db
    .select({ id: conferences.id, reference: conferences.reference })
    .from(conferences)
    .where(
      and(
        eq(conferences.programId, programId),
        eq(conferences.misconduct, true),
        ne(conferences.stage, 'closed'),
      ),
    )
    .orderBy(asc(conferences.createdAt));
  const requests: SignOffRequest[] = [];
  for (const one of cases) {
    const { state, events } = await stateOf(db, context, one.id);
    const awaiting = awaitingOf(state, events);
    if (awaiting) requests.push({ conferenceId: one.id, reference: one.reference, ...awaiting });
  }
  return requests.sort((a, b) => a.since.localeCompare(b.since));
}

async function viewOf(
  db: Executor,
  context: Pick<AppContext, 'cipher'>,
  access: TeamAccess,
): Promise<OversightView> {
  const { conference } = access;
  const { state, events } = await stateOf(db, context, conference.id);
  const { rules } = await settingsOf(db, conference.programId);
  const items = await db
    .select({
      kind: conferenceItems.kind,
      dueOn: conferenceItems.dueOn,
      status: conferenceItems.status,
    })
    .from(conferenceItems)
    .where(eq(conferenceItems.conferenceId, conference.id))
    .orderBy(asc(conferenceItems.dueOn));
  return {
    id: conference.id,
    reference: conference.reference,
    stage: state.stage,
    harmType: conference.harmType,
    harmLabel: harmLabelOf(rules, conference.harmType),
    eligibility: state.eligibility,
    safety: state.safety,
    signOff: state.signOff,
    pendingClosure: state.pendingClosure,
    outcome: state.outcome,
    items: items.map((item) => ({
      kind: item.kind as ItemKind,
      dueOn: item.dueOn,
      status: item.status as OversightView['items'][number]['status'],
    })),
    awaiting: awaitingOf(state, events)?.stage ?? null,
  };
}

/** GET /api/conferences/:id/oversight */
export async function oversightView(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
): Promise<OversightView> {
  const { db } = context.database;
  const access = await oversightCase(db, actor, conferenceId);
  const view = await viewOf(db, context, access);
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: access.program.leadOrganisationId,
    action: 'conference.oversight_read',
    targetType: 'conference',
    targetId: conferenceId,
    outcome: 'succeeded',
    details: { awaiting: view.awaiting },
  });
  return view;
}

/** POST /api/conferences/:id/sign-off: the reviewer's decision; the team hears of it. */
export async function signOffCase(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  body: SignOff,
): Promise<OversightView> {
  const { db } = context.database;
  const access = await oversightCase(db, actor, conferenceId);
  const command = { type: 'sign_off', ...body } as const;
  return withStep(context, actor.personId, conferenceId, command, async (tx) => {
    for (const member of await teamRecipients(tx, access.conference, access.program)) {
      await context.mail.notify(
        {
          to: member.address,
          template: 'conference-signed-off',
          language: member.language,
          data: {
            reference: access.conference.reference,
            programName: access.program.name,
            stage: body.stage,
            approved: body.approved,
            link: casePageFor(context.config.publicUrl, conferenceId),
          },
        },
        { tx },
      );
    }
    return viewOf(tx, context, access);
  });
}
