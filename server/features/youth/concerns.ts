import { asc, desc, eq, inArray } from 'drizzle-orm';
import { decide } from '../../../shared/permissions/decide.ts';
import type {
  ConcernActionBody,
  ConcernsList,
  ConcernView,
  RaiseConcernBody,
  RaisedConcern,
} from '../../../shared/youth/concerns-contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { youthConcernActions, youthConcerns } from './schema.ts';
import { findYouthSettings, requireYouthSettings } from './settings.ts';

// Safeguarding concerns (shared/youth/concerns-contract.ts). Anyone of a youth program may raise
// one, a young person whose guardian has not answered yet included: safety does not wait for a
// consent. It reaches the program's safeguarding lead and no one else: not the coordinators, not
// the administrators. The words and the lead's notes are sealed, never mailed and never audited.

type ConcernRow = typeof youthConcerns.$inferSelect;

const NOT_THE_LEAD = "Concerns go only to the program's safeguarding lead.";

const bodyContext = (concernId: string) => `youth_concerns.body:${concernId}`;
const noteContext = (actionId: string) => `youth_concern_actions.note:${actionId}`;

export const sealConcernBody = (context: AppContext, concernId: string, body: string) =>
  context.cipher.encrypt(body, bodyContext(concernId));

const concernsLinkFor = (context: AppContext, programId: string) =>
  `${context.config.publicUrl}/programs/${programId}/concerns`;

/** Raises a concern and tells the lead, by email, only that there is one and where to read it. */
export async function raiseConcern(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  input: RaiseConcernBody,
): Promise<RaisedConcern> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  // Whoever may see the program may raise a concern in it: every role held there.
  await authorize(db, actor, 'program.read', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const settings = await requireYouthSettings(db, programId);
  const [lead] = await db
    .select({ name: people.name, email: people.email, language: people.language })
    .from(people)
    .where(eq(people.id, settings.safeguardingLeadId));
  const id = crypto.randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(youthConcerns)
      .values({
        id,
        programId,
        raisedBy: actor.personId,
        body: sealConcernBody(context, id, input.body),
      })
      .returning();
    if (!row) throw new Error('The concern was not saved');
    if (lead) {
      await context.mail.send(
        {
          to: lead.email,
          template: 'youth-concern-raised',
          language: lead.language as Language,
          data: {
            leadName: lead.name,
            programName: program.name,
            link: concernsLinkFor(context, programId),
          },
        },
        { tx },
      );
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.concern_raised',
        targetType: 'youth_concern',
        targetId: id,
        outcome: 'succeeded',
        details: { programId },
      },
      tx,
    );
    return { id, raisedAt: row.raisedAt.toISOString() };
  });
}

/**
 * The program, once the actor is its safeguarding lead and still holds a staff role in it. Anyone
 * else, coordinators and administrators included, is refused, and the refusal is audited.
 */
async function asSafeguardingLead(
  db: Database,
  actor: SignedIn,
  programId: string,
  attempted: 'youth.concerns_read' | 'youth.concern_action',
): Promise<ProgramRunners> {
  const program = await findProgram(db, programId);
  if (!program) throw new NotFoundError('There is no such program.');
  const settings = await findYouthSettings(db, programId);
  const target = programTarget(programId, program);
  const isLead =
    settings?.safeguardingLeadId === actor.personId && decide(actor, 'youth.read', target).allowed;
  if (isLead) return program;
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program.leadOrganisationId,
    action: 'permission.denied',
    targetType: 'program',
    targetId: programId,
    outcome: 'denied',
    details: { attempted, reason: 'not_safeguarding_lead' },
  });
  throw new ForbiddenError(NOT_THE_LEAD, { code: 'not_safeguarding_lead' });
}

async function namesOf(db: Database, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...new Set(personIds)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The concerns as the lead reads them, with each one's record; opened here, never stored open. */
async function viewsOf(
  context: AppContext,
  db: Database,
  rows: ConcernRow[],
): Promise<ConcernView[]> {
  const actions =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(youthConcernActions)
          .where(
            inArray(
              youthConcernActions.concernId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(youthConcernActions.at), asc(youthConcernActions.id));
  const names = await namesOf(db, [
    ...rows.flatMap((row) => (row.raisedBy ? [row.raisedBy] : [])),
    ...actions.map((action) => action.by),
  ]);
  return rows.map((row) => ({
    id: row.id,
    body: context.cipher.decrypt(row.body, bodyContext(row.id)),
    status: row.status,
    raisedAt: row.raisedAt.toISOString(),
    raisedByName: row.raisedBy ? (names.get(row.raisedBy) ?? null) : null,
    actions: actions
      .filter((action) => action.concernId === row.id)
      .map((action) => ({
        byName: names.get(action.by) ?? '',
        note: context.cipher.decrypt(action.note, noteContext(action.id)),
        closed: action.closed,
        at: action.at.toISOString(),
      })),
  }));
}

/** Every concern of the program, newest first: for the lead alone, and each reading audited. */
export async function listConcerns(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<ConcernsList> {
  const { db } = context.database;
  const program = await asSafeguardingLead(db, actor, programId, 'youth.concerns_read');
  const rows = await db
    .select()
    .from(youthConcerns)
    .where(eq(youthConcerns.programId, programId))
    .orderBy(desc(youthConcerns.raisedAt), desc(youthConcerns.id));
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program.leadOrganisationId,
    action: 'youth.concerns_read',
    targetType: 'program',
    targetId: programId,
    outcome: 'succeeded',
    details: { concernIds: rows.map((row) => row.id) },
  });
  return { programName: program.name, concerns: await viewsOf(context, db, rows) };
}

/**
 * The lead records what they did. An action with `close` closes the concern; any other action
 * (re)opens it, so that a closed concern that needs more is open again.
 */
export async function addConcernAction(
  context: AppContext,
  actor: SignedIn,
  concernId: string,
  input: ConcernActionBody,
): Promise<ConcernView> {
  const { db } = context.database;
  const [found] = await db.select().from(youthConcerns).where(eq(youthConcerns.id, concernId));
  if (!found) throw new NotFoundError('There is no such concern.');
  const program = await asSafeguardingLead(db, actor, found.programId, 'youth.concern_action');
  const status = input.close ? 'closed' : 'open';
  const actionId = crypto.randomUUID();
  const updated = await db.transaction(async (tx) => {
    await tx.insert(youthConcernActions).values({
      id: actionId,
      concernId,
      by: actor.personId,
      note: context.cipher.encrypt(input.note, noteContext(actionId)),
      closed: input.close,
    });
    const [row] = await tx
      .update(youthConcerns)
      .set({ status })
      .where(eq(youthConcerns.id, concernId))
      .returning();
    if (!row) throw new NotFoundError('There is no such concern.');
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.concern_action',
        targetType: 'youth_concern',
        targetId: concernId,
        outcome: 'succeeded',
        details: { actionId, status, statusBefore: found.status },
      },
      tx,
    );
    return row;
  });
  const [view] = await viewsOf(context, db, [updated]);
  if (!view) throw new Error('The concern was not found after the action');
  return view;
}
