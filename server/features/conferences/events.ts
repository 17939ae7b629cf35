import { asc, eq, sql } from 'drizzle-orm';
import {
  apply,
  type CaseCommand,
  type CaseEvent,
  type CaseRefusal,
  type CaseState,
  decide,
  fold,
  isPaused,
} from '../../../shared/conferences/machine.ts';
import type { AuditDetails } from '../../platform/audit/schema.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError } from '../../platform/errors.ts';
import { programs } from '../organisations/schema.ts';
import type { CaseRow } from './access.ts';
import { conferenceEvents, conferences } from './schema.ts';

// A case's events: the one way its workflow moves. A command is decided against the fold of
// the events so far, under a lock on the case's row, so that two facilitators acting at once
// are decided one after the other; its events are appended, the case row's stage, pause and
// outcome follow them, and each event is written to the audit trail, all in one transaction.
// The free words of an event (a reason, a comment) are sealed apart from its plain fields.

type Executor = Database | Transaction;

/** The fields of an event that hold free words, sealed in `words_sealed`. */
const WORD_FIELDS = ['reason', 'comment'] as const;

const eventContext = (conferenceId: string) => `conference_event:${conferenceId}`;

export interface StoredCaseEvent {
  id: number;
  event: CaseEvent;
}

/** Every event of a case, in order, its words opened. */
export async function loadEvents(
  db: Executor,
  cipher: FieldCipher,
  conferenceId: string,
): Promise<StoredCaseEvent[]> {
  const rows = await db
    .select()
    .from(conferenceEvents)
    .where(eq(conferenceEvents.conferenceId, conferenceId))
    .orderBy(asc(conferenceEvents.id));
  return rows.map((row) => {
    const words = row.wordsSealed
      ? (JSON.parse(cipher.decrypt(row.wordsSealed, eventContext(conferenceId))) as Record<
          string,
          string
        >)
      : {};
    const event = {
      ...row.data,
      ...words,
      type: row.type,
      at: row.at.toISOString(),
      by: row.by ?? '',
    } as CaseEvent;
    return { id: row.id, event };
  });
}

/** The case's state as its events make it. */
export async function loadState(
  db: Executor,
  cipher: FieldCipher,
  conferenceId: string,
): Promise<CaseState> {
  const state = fold((await loadEvents(db, cipher, conferenceId)).map(({ event }) => event));
  if (!state) throw new Error(`Case ${conferenceId} has no referral event.`);
  return state;
}

function split(event: CaseEvent): { data: Record<string, unknown>; words: Record<string, string> } {
  const { type: _type, at: _at, by: _by, ...fields } = event as CaseEvent & Record<string, unknown>;
  const data: Record<string, unknown> = {};
  const words: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    // An empty reason is kept too, so that the event reads back exactly as it was decided.
    if ((WORD_FIELDS as readonly string[]).includes(key) && typeof value === 'string') {
      words[key] = value;
    } else {
      data[key] = value;
    }
  }
  return { data, words };
}

/**
 * Appends events already decided (or the referral that opens a case) and brings the case row in
 * line with the new state. Call inside the transaction that holds the case's lock.
 */
export async function appendEvents(
  db: Database,
  tx: Transaction,
  cipher: FieldCipher,
  conference: Pick<CaseRow, 'id' | 'programId'>,
  before: CaseState | null,
  events: readonly CaseEvent[],
  actorKind: 'person' | 'anonymous' = 'person',
): Promise<CaseState> {
  let state = before;
  const organisationId = await leadOrganisationOf(tx, conference.programId);
  for (const event of events) {
    const { data, words } = split(event);
    await tx.insert(conferenceEvents).values({
      conferenceId: conference.id,
      type: event.type,
      at: new Date(event.at),
      by: event.by === '' ? null : event.by,
      data,
      wordsSealed:
        Object.keys(words).length > 0
          ? cipher.encrypt(JSON.stringify(words), eventContext(conference.id))
          : null,
    });
    state = apply(state, event);
    // The audit names the step and its plain fields, never the words.
    await recordAudit(
      db,
      {
        actorKind,
        actorId: event.by === '' ? null : event.by,
        organisationId,
        action: `conference.${event.type}`,
        targetType: 'conference',
        targetId: conference.id,
        outcome: 'succeeded',
        // An event's plain fields are JSON values (ids, stages, flags), as the audit keeps them.
        details: data as AuditDetails,
      },
      tx,
    );
  }
  if (!state) throw new Error('A case needs its referral before anything else.');
  await tx
    .update(conferences)
    .set({
      stage: state.stage,
      paused: isPaused(state),
      outcome: state.outcome?.outcome ?? null,
      closedAt: state.stage === 'closed' ? sql`now()` : null,
      updatedAt: sql`now()`,
      ...(state.scheduledAt === null ? {} : { startsAt: new Date(state.scheduledAt) }),
    })
    .where(eq(conferences.id, conference.id));
  return state;
}

/**
 * Decides `command` on the case as it stands, under its row lock, and appends what follows.
 * A refusal is a 409 with the workflow's code, and is audited; nothing else changes.
 */
export async function runCommand(
  db: Database,
  cipher: FieldCipher,
  actorId: string,
  conferenceId: string,
  command: CaseCommand,
  within?: Transaction,
): Promise<{ state: CaseState; events: CaseEvent[] }> {
  type Outcome = { state: CaseState; events: CaseEvent[] } | { refused: CaseRefusal };
  const work = async (tx: Transaction): Promise<Outcome> => {
    const [conference] = await tx
      .select()
      .from(conferences)
      .where(eq(conferences.id, conferenceId))
      .for('update');
    if (!conference) throw new ConflictError('There is no such case.');
    const before = await loadState(tx, cipher, conferenceId);
    const decision = decide(before, command, { at: new Date().toISOString(), by: actorId });
    if ('refused' in decision) {
      // Written in the same transaction: under PGlite a second one would wait on this one.
      await recordAudit(
        db,
        {
          actorKind: 'person',
          actorId,
          organisationId: await leadOrganisationOf(tx, conference.programId),
          action: `conference.${command.type}`,
          targetType: 'conference',
          targetId: conferenceId,
          outcome: 'denied',
          details: { refused: decision.refused.code },
        },
        tx,
      );
      return { refused: decision.refused };
    }
    const state = await appendEvents(db, tx, cipher, conference, before, decision.events);
    return { state, events: decision.events };
  };
  const result = within ? await work(within) : await db.transaction(work);
  if ('refused' in result) {
    throw new ConflictError(result.refused.message, { code: result.refused.code });
  }
  return result;
}

/** The organisation a case's audit entries belong to: its program's lead. */
async function leadOrganisationOf(tx: Transaction, programId: string): Promise<string | null> {
  const [program] = await tx
    .select({ lead: programs.leadOrganisationId })
    .from(programs)
    .where(eq(programs.id, programId));
  return program?.lead ?? null;
}

/** The event a referral opens a case with. */
export const referredEvent = (misconduct: boolean, at: string): CaseEvent => ({
  type: 'referred',
  misconduct,
  at,
  by: '',
});
