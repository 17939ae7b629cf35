import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../platform/errors.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  type AgreementWorld,
  addItem,
  buildAgreementWorld,
  caseInAgreement,
  daysAhead,
  fieldsOf,
  itemBody,
} from './agreement-fixtures.ts';
import { loadState } from './events.ts';
import { conferenceInstalments, conferenceItems } from './schema.ts';
import { drive } from './testing.ts';

// Following an agreement's items: settling and reopening them, restitution payments, and the
// closure rules that open items bring.

let test: TestApp;
let world: AgreementWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildAgreementWorld(test);
});
afterAll(async () => {
  await test.close();
});

const store = () => ({ db: test.context.database.db, cipher: test.context.cipher });
const itemUrl = (conferenceId: string, itemId: string, action: string) =>
  `/api/conferences/${conferenceId}/items/${itemId}/${action}`;
const confirm = (conferenceId: string) =>
  drive(store(), conferenceId, world.facilitator.personId, [{ type: 'confirm_agreement' }]);

describe('settling items', () => {
  it('removes an item with a reason, and settles and reopens items once the agreement is confirmed', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const kept = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    const dropped = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    const url = (itemId: string, action: string) => itemUrl(conferenceId, itemId, action);

    const silent = await send(test, world.facilitator, 'POST', url(dropped.id, 'remove'), {});
    expect(silent.statusCode).toBe(409);
    expect(silent.json().code).toBe('reason_required');
    const removed = await send(test, world.facilitator, 'POST', url(dropped.id, 'remove'), {
      reason: 'Rosa asked for a letter instead.',
    });
    expect(removed.statusCode).toBe(204);
    const rows = await test.context.database.db
      .select({ id: conferenceItems.id })
      .from(conferenceItems)
      .where(eq(conferenceItems.conferenceId, conferenceId));
    expect(rows).toEqual([{ id: kept.id }]);

    const tooSoon = await send(test, world.facilitator, 'POST', url(kept.id, 'settle'), {
      status: 'done',
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().code).toBe('wrong_stage');

    await confirm(conferenceId);
    const noReason = await send(test, world.facilitator, 'POST', url(kept.id, 'settle'), {
      status: 'not_done',
    });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().code).toBe('reason_required');
    const done = await send(test, world.facilitator, 'POST', url(kept.id, 'settle'), {
      status: 'done',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: kept.id, status: 'done', overdue: false });
    const twice = await send(test, world.facilitator, 'POST', url(kept.id, 'settle'), {
      status: 'done',
    });
    expect(twice.json().code).toBe('item_settled');

    const reopened = await send(test, world.coordinator, 'POST', url(kept.id, 'reopen'), {
      reason: 'Rosa says the apology was not made after all.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().status).toBe('open');
    const unknown = await send(
      test,
      world.facilitator,
      'POST',
      url(crypto.randomUUID(), 'settle'),
      { status: 'done' },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('shows an open item whose day has passed as overdue', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    await confirm(conferenceId);
    await test.context.database.db
      .update(conferenceItems)
      .set({ dueOn: daysAhead(-1) })
      .where(eq(conferenceItems.id, item.id));
    const settled = await send(
      test,
      world.facilitator,
      'POST',
      itemUrl(conferenceId, item.id, 'settle'),
      { status: 'not_done', reason: 'The officer declined in the end.' },
    );
    expect(settled.json()).toMatchObject({ status: 'not_done', overdue: false });
    const reopened = await send(
      test,
      world.facilitator,
      'POST',
      itemUrl(conferenceId, item.id, 'reopen'),
      { reason: 'The officer will make it after all.' },
    );
    expect(reopened.json()).toMatchObject({ status: 'open', overdue: true });
  });
});

describe('restitution payments', () => {
  it('records payments until the amount is paid, and refuses one beyond it', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, {
        kind: 'restitution',
        dueOn: daysAhead(40),
        restitution: {
          amountCents: 30_000,
          currency: 'USD',
          instalments: [
            { dueOn: daysAhead(10), amountCents: 15_000 },
            { dueOn: daysAhead(40), amountCents: 15_000 },
          ],
        },
      }),
    );
    const apology = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    const pay = (itemId: string, amountCents: number, paidOn = daysAhead(0)) =>
      send(test, world.facilitator, 'POST', itemUrl(conferenceId, itemId, 'payments'), {
        paidOn,
        amountCents,
      });

    expect((await pay(item.id, 10_000)).json().code).toBe('wrong_stage');
    await confirm(conferenceId);
    const first = await pay(item.id, 10_000);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().restitution).toMatchObject({ paidCents: 10_000, amountCents: 30_000 });

    const beyond = await pay(item.id, 25_000);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().errors).toEqual([
      { field: 'amountCents', message: 'Only $200.00 remains to be paid.', code: 'beyond_amount' },
    ]);
    expect(fieldsOf(await pay(item.id, 1_000, daysAhead(2)))).toEqual(['paidOn']);

    const last = await pay(item.id, 20_000);
    expect(last.json().restitution).toMatchObject({ paidCents: 30_000, amountCents: 30_000 });
    expect(last.json().restitution.payments).toHaveLength(2);
    // Paid in full: the team settles it, having seen the money reach the person harmed.
    expect(last.json().status).toBe('open');
    expect((await pay(item.id, 100)).json().errors[0].message).toBe(
      'The whole amount is paid already.',
    );
    expect((await pay(apology.id, 100)).json().code).toBe('not_restitution');
    const instalments = await test.context.database.db
      .select()
      .from(conferenceInstalments)
      .where(eq(conferenceInstalments.itemId, item.id));
    expect(instalments).toHaveLength(2);
  });
});

describe('closing a case with its agreement', () => {
  it('closes with open items only with a reason, and as completed only when every item is done', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const first = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    const second = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    await confirm(conferenceId);
    const close = (outcome: 'completed' | 'partly_completed', reason = '') =>
      drive(store(), conferenceId, world.facilitator.personId, [
        { type: 'close', outcome, reason },
      ]);

    await expect(close('completed')).rejects.toMatchObject({ code: 'items_open' });
    await expect(close('partly_completed')).rejects.toThrow(ConflictError);
    await expect(close('partly_completed')).rejects.toMatchObject({ code: 'items_open' });

    await send(test, world.facilitator, 'POST', itemUrl(conferenceId, first.id, 'settle'), {
      status: 'done',
    });
    await expect(close('completed')).rejects.toMatchObject({ code: 'items_open' });
    await send(test, world.facilitator, 'POST', itemUrl(conferenceId, second.id, 'settle'), {
      status: 'done',
    });
    await close('completed');
    const state = await loadState(test.context.database.db, test.context.cipher, conferenceId);
    expect(state).toMatchObject({ stage: 'closed', outcome: { outcome: 'completed' } });

    // A closed case's agreement is no longer changed.
    const late = await send(
      test,
      world.facilitator,
      'POST',
      itemUrl(conferenceId, first.id, 'reopen'),
      { reason: 'Second thoughts.' },
    );
    expect(late.json().code).toBe('wrong_stage');
  });

  it('closes with open items when the closure says why', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    await confirm(conferenceId);
    await drive(store(), conferenceId, world.facilitator.personId, [
      {
        type: 'close',
        outcome: 'not_completed',
        reason: 'The officer left the service before the apology.',
      },
    ]);
    const state = await loadState(test.context.database.db, test.context.cipher, conferenceId);
    expect(state.outcome?.outcome).toBe('not_completed');
  });
});
