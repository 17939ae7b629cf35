import { eq, sum } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgreementItem, paymentBody } from '../../../shared/conferences/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError, InvalidError } from '../../platform/errors.ts';
import { teamItem } from './items-change.ts';
import { agreementItemOf, programToday } from './items-read.ts';
import { conferenceItems, conferencePayments } from './schema.ts';

// The team records each restitution payment as it is made, once the agreement is confirmed.
// Restitution is recorded here, never collected: a payment beyond what remains is a typing
// mistake. When the payments reach the amount the answer shows it (paid equals the amount), and
// the team settles the item, having seen that the person harmed received it.

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);

export async function recordPayment(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
  body: z.infer<typeof paymentBody>,
): Promise<AgreementItem> {
  const { db } = context.database;
  const { conference, program, item } = await teamItem(db, actor, conferenceId, itemId);
  if (item.amountCents === null) {
    throw new ConflictError('Payments are recorded for restitution only.', {
      code: 'not_restitution',
    });
  }
  if (conference.stage !== 'monitoring') {
    throw new ConflictError('Payments are recorded once the agreement is confirmed.', {
      code: 'wrong_stage',
    });
  }
  if (item.status !== 'open') {
    throw new ConflictError('This item is settled: reopen it to record a payment.', {
      code: 'item_settled',
    });
  }
  if (body.paidOn > (await programToday(db, conference.programId))) {
    throw new InvalidError([
      { field: 'paidOn', message: 'This day has not come yet.', code: 'paid_in_future' },
    ]);
  }
  const amountCents = item.amountCents;
  const row = await db.transaction(async (tx) => {
    // One payment at a time per item, so that two at once cannot pass the amount together.
    const [locked] = await tx
      .select()
      .from(conferenceItems)
      .where(eq(conferenceItems.id, itemId))
      .for('update');
    if (!locked) throw new Error(`item ${itemId} vanished`);
    const [paid] = await tx
      .select({ total: sum(conferencePayments.amountCents).mapWith(Number) })
      .from(conferencePayments)
      .where(eq(conferencePayments.itemId, itemId));
    const remaining = amountCents - (paid?.total ?? 0);
    if (body.amountCents > remaining) {
      throw new InvalidError([
        {
          field: 'amountCents',
          message:
            remaining === 0
              ? 'The whole amount is paid already.'
              : `Only ${money(remaining, item.currency ?? 'USD')} remains to be paid.`,
          code: 'beyond_amount',
        },
      ]);
    }
    const paymentId = crypto.randomUUID();
    await tx.insert(conferencePayments).values({
      id: paymentId,
      itemId,
      paidOn: body.paidOn,
      amountCents: body.amountCents,
      recordedBy: actor.personId,
    });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'conference.payment_recorded',
        targetType: 'conference',
        targetId: conferenceId,
        outcome: 'succeeded',
        details: { itemId, paymentId, fullyPaid: body.amountCents === remaining },
      },
      tx,
    );
    return locked;
  });
  return agreementItemOf(db, context.cipher, conference, row);
}
