import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CommitmentDetail,
  commitmentUpdateRequest,
  moveDueDateRequest,
  verifyCommitmentRequest,
} from '../../../shared/commitments/contract.ts';
import {
  apply,
  type CommitmentCommand,
  type CommitmentEvent,
  type CommitmentStatus,
  refusalOf,
} from '../../../shared/commitments/machine.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ForbiddenError, InvalidError } from '../../platform/errors.ts';
import {
  type CommitmentRow,
  isOwner,
  type ProgramAccess,
  permissionsOn,
  visibleCommitment,
} from './access.ts';
import { announce } from './announce.ts';
import { appendEvent, type NewEvent, stateOf } from './history.ts';
import { detailOf, todayOf } from './read.ts';
import { commitments } from './schema.ts';

// Changing a commitment: each request becomes commands checked by the pure rules against the
// state its events fold to, then appended as events in one transaction, with the row's copy of
// the state, the audit trail and the followers' notice.

type UpdateBody = z.infer<typeof commitmentUpdateRequest>;

/** The refusal's field as the request names it. */
const requestField = { to: 'status', status: 'status' } as Record<string, string>;

function eventFor(command: CommitmentCommand): NewEvent {
  switch (command.type) {
    case 'change_status':
      return {
        type: 'status_changed',
        to: command.to,
        ...(command.reason?.trim() ? { reason: command.reason.trim() } : {}),
      };
    case 'report_progress':
      return { type: 'progress_reported', percent: command.percent };
    case 'move_due_date':
      return { type: 'due_date_moved', dueOn: command.dueOn, reason: command.reason ?? '' };
    case 'verify_completion':
      return { type: 'completion_verified', ...(command.note ? { note: command.note } : {}) };
    case 'add_evidence':
      return { type: 'evidence_added', text: command.text, links: command.links };
  }
}

/** An update's commands in an order the rules accept: progress before a status that ends it. */
function commandsOf(update: UpdateBody): CommitmentCommand[] {
  const status: CommitmentCommand[] = update.status
    ? [{ type: 'change_status', to: update.status, reason: update.reason }]
    : [];
  const progress: CommitmentCommand[] =
    update.percent === undefined ? [] : [{ type: 'report_progress', percent: update.percent }];
  const evidence: CommitmentCommand[] = update.evidence
    ? [{ type: 'add_evidence', text: update.evidence.text, links: update.evidence.links }]
    : [];
  const ends =
    update.status !== undefined && update.status !== 'in_progress' && update.status !== 'planned';
  return ends ? [...progress, ...status, ...evidence] : [...status, ...progress, ...evidence];
}

/**
 * Appends the commands' events to a commitment in the caller's transaction, after the rules
 * accept each, and keeps the row's copy of the state, the audit trail and the followers' notice
 * with them. Who may is the caller's to decide.
 */
async function applyCommands(
  context: AppContext,
  tx: Transaction,
  by: { personId: string; organisationId: string },
  commitmentId: string,
  commands: CommitmentCommand[],
): Promise<CommitmentRow> {
  // One change at a time per commitment: the rules are checked against the latest state.
  await tx
    .select({ id: commitments.id })
    .from(commitments)
    .where(eq(commitments.id, commitmentId))
    .for('update');
  let state = await stateOf(tx, commitmentId);
  const eventIds: number[] = [];
  for (const command of commands) {
    const refusal = refusalOf(state, command);
    if (refusal) {
      throw new InvalidError([
        {
          field: requestField[refusal.field] ?? refusal.field,
          message: refusal.message,
          code: refusal.code,
        },
      ]);
    }
    const event = eventFor(command);
    eventIds.push(await appendEvent(tx, commitmentId, by.personId, event));
    const at = new Date().toISOString();
    state = apply(state, { ...event, at, by: by.personId } as CommitmentEvent);
  }
  const [updated] = await tx
    .update(commitments)
    .set({
      status: state.status,
      dueOn: state.dueOn,
      percent: state.percent,
      verifiedAt: state.verifiedAt ? new Date(state.verifiedAt) : null,
      updatedAt: new Date(),
    })
    .where(eq(commitments.id, commitmentId))
    .returning();
  if (!updated) throw new Error(`commitment ${commitmentId} vanished`);
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: by.personId,
      organisationId: by.organisationId,
      action: 'commitment.changed',
      targetType: 'commitment',
      targetId: commitmentId,
      outcome: 'succeeded',
      details: { status: state.status, events: eventIds.length },
    },
    tx,
  );
  await announce(context, tx, updated, eventIds);
  return updated;
}

async function change(
  context: AppContext,
  actor: SignedIn,
  commitmentId: string,
  allowed: (row: CommitmentRow, access: ProgramAccess) => void,
  commands: CommitmentCommand[],
): Promise<CommitmentDetail> {
  const { db } = context.database;
  const { row, access } = await visibleCommitment(db, actor, commitmentId);
  allowed(row, access);
  return db.transaction(async (tx: Transaction) => {
    const by = { personId: actor.personId, organisationId: access.program.leadOrganisationId };
    const updated = await applyCommands(context, tx, by, commitmentId, commands);
    return detailOf(context, actor, updated, access, tx);
  });
}

/**
 * A commitment that another feature put on the register follows its source: a conference's
 * agreement item settled or reopened moves its commitment the same way, in the transaction of
 * that step, so that the public never reads a promise as open once it was kept or given up.
 * The source's own rules decided who may take the step; the register's rules still apply (a
 * promise given up must say why), and a refusal undoes the step.
 */
export async function followSource(
  context: AppContext,
  tx: Transaction,
  by: { personId: string; organisationId: string },
  commitmentId: string,
  move: { to: CommitmentStatus; reason: string },
): Promise<void> {
  const state = await stateOf(tx, commitmentId);
  if (state.status === move.to) return;
  const command: CommitmentCommand = { type: 'change_status', to: move.to, reason: move.reason };
  await applyCommands(context, tx, by, commitmentId, [command]);
}

const refuse = (message: string, code: string) => {
  throw new ForbiddenError(message, { code });
};

/** The owner's or a coordinator's report: a new status, progress, evidence. */
export function reportOnCommitment(
  context: AppContext,
  actor: SignedIn,
  commitmentId: string,
  update: UpdateBody,
) {
  return change(
    context,
    actor,
    commitmentId,
    (row, access) => {
      if (!permissionsOn(actor, access, row).report) {
        refuse(
          'Only its owner or a coordinator of the program reports on a commitment.',
          'not_owner',
        );
      }
    },
    commandsOf(update),
  );
}

export function moveDueDate(
  context: AppContext,
  actor: SignedIn,
  commitmentId: string,
  body: z.infer<typeof moveDueDateRequest>,
) {
  if (body.dueOn < todayOf(context)) {
    throw new InvalidError([
      {
        field: 'dueOn',
        message: 'This day has passed; choose today or a later day.',
        code: 'due_in_past',
      },
    ]);
  }
  return change(
    context,
    actor,
    commitmentId,
    (row, access) => {
      if (!permissionsOn(actor, access, row).moveDueDate) {
        refuse('Only a coordinator of the program moves a due day.', 'not_coordinator');
      }
    },
    [{ type: 'move_due_date', dueOn: body.dueOn, reason: body.reason }],
  );
}

export function verifyCompletion(
  context: AppContext,
  actor: SignedIn,
  commitmentId: string,
  body: z.infer<typeof verifyCommitmentRequest>,
) {
  return change(
    context,
    actor,
    commitmentId,
    (row, access) => {
      if (!access.verify)
        refuse('Only a coordinator of the program verifies a commitment.', 'not_coordinator');
      if (isOwner(actor, row)) {
        refuse('You own this commitment: another coordinator verifies it.', 'own_commitment');
      }
    },
    [{ type: 'verify_completion', note: body.note }],
  );
}
