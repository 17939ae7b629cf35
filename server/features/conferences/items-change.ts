import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommitmentStatus } from '../../../shared/commitments/machine.ts';
import type { AgreementItem, settleItemBody } from '../../../shared/conferences/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { followSource } from '../commitments/changes.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { type TeamAccess, teamCase } from './access.ts';
import { withStep } from './command.ts';
import { agreementItemOf, type ItemRow } from './items-read.ts';
import { conferenceItems } from './schema.ts';

// Removing, settling and reopening an agreement item: the workflow decides (a settled item is
// reopened before it is settled again; not done needs a reason), and the item's row, and its
// commitment on the public register once published, follow in the same transaction.

export const NO_SUCH_ITEM = 'There is no such item in this case.';

/** The case for its team, and one item of it; an item of another case is not found. */
export async function teamItem(
  db: Database,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
): Promise<TeamAccess & { item: ItemRow }> {
  const access = await teamCase(db, actor, conferenceId, 'agreement');
  const [item] = await db
    .select()
    .from(conferenceItems)
    .where(and(eq(conferenceItems.id, itemId), eq(conferenceItems.conferenceId, conferenceId)));
  if (!item) throw new NotFoundError(NO_SUCH_ITEM);
  return { ...access, item };
}

async function updatedItem(tx: Transaction, itemId: string, change: Partial<ItemRow>) {
  const [row] = await tx
    .update(conferenceItems)
    .set(change)
    .where(eq(conferenceItems.id, itemId))
    .returning();
  if (!row) throw new Error(`item ${itemId} vanished`);
  return row;
}

/** A published item's commitment on the register moves with it, in the same transaction. */
async function followOnRegister(
  context: AppContext,
  tx: Transaction,
  actor: SignedIn,
  program: ProgramRunners,
  item: ItemRow,
  move: { to: CommitmentStatus; reason: string },
): Promise<void> {
  if (item.commitmentId === null) return;
  const by = { personId: actor.personId, organisationId: program.leadOrganisationId };
  await followSource(context, tx, by, item.commitmentId, move);
}

export async function removeAgreementItem(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
  reason: string,
): Promise<void> {
  const { db } = context.database;
  const { item } = await teamItem(db, actor, conferenceId, itemId);
  // The public follows a published item on the register: it ends there as not done, with a
  // reason, rather than vanishing.
  if (item.commitmentId !== null) {
    throw new ConflictError(
      'This item is on the public register: settle it as not done, saying why, instead.',
      { code: 'item_published' },
    );
  }
  const command = { type: 'remove_item', itemId, reason } as const;
  await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    await tx.delete(conferenceItems).where(eq(conferenceItems.id, itemId));
  });
}

export async function settleAgreementItem(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
  body: z.infer<typeof settleItemBody>,
): Promise<AgreementItem> {
  const { db } = context.database;
  const { conference, program, item } = await teamItem(db, actor, conferenceId, itemId);
  const command = { type: 'settle_item', itemId, ...body } as const;
  const row = await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    await followOnRegister(context, tx, actor, program, item, {
      to: body.status,
      reason: body.reason,
    });
    return updatedItem(tx, itemId, { status: body.status, settledAt: new Date() });
  });
  return agreementItemOf(db, context.cipher, conference, row);
}

export async function reopenAgreementItem(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
  reason: string,
): Promise<AgreementItem> {
  const { db } = context.database;
  const { conference, program, item } = await teamItem(db, actor, conferenceId, itemId);
  const command = { type: 'reopen_item', itemId, reason } as const;
  const row = await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    await followOnRegister(context, tx, actor, program, item, { to: 'in_progress', reason });
    return updatedItem(tx, itemId, { status: 'open', settledAt: null });
  });
  return agreementItemOf(db, context.cipher, conference, row);
}
