import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { frequencyOf, setFrequency } from '../../platform/mail/preferences.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// A resident who joined by link, with no address, gives one so that they can come back from
// another device: the address counts once the link sent to it is used.

let test: TestApp;
let organisationId: string;

beforeAll(async () => {
  test = await startTestApp();
  organisationId = await addOrganisation(test, 'Eastside Community Trust');
});
afterAll(async () => {
  await test.close();
});

async function residentWithoutAddress(): Promise<TestPerson> {
  const resident = await addSignedInPerson(test, { organisationId, role: 'resident' });
  const email = placeholderEmailFor(resident.personId);
  await test.context.database.db
    .update(people)
    .set({ email, language: 'es' })
    .where(eq(people.id, resident.personId));
  return { ...resident, email };
}

const post = (url: string, payload: object, as?: TestPerson) =>
  test.app.inject({
    method: 'POST',
    url,
    headers: { origin: test.context.config.publicUrl, ...(as ? { cookie: as.cookie } : {}) },
    payload,
  });

/** The token in the newest confirmation email to the address, as its reader would click it. */
async function tokenSentTo(address: string): Promise<string> {
  const { db } = test.context.database;
  const [latest] = (await latestOutboxMessages(db, 50)).filter(
    (message) => message.toAddress === address && message.template === 'confirm-address',
  );
  const message = await readOutboxMessage(db, test.context.cipher, latest?.id ?? 0);
  const link = message?.textBody.match(/http\S+\/me\/address#(\S+)/);
  if (!link?.[1]) throw new Error(`no confirmation link to ${address}`);
  return link[1];
}

describe('adding an address after joining by link', () => {
  it('sends a link in their language, and the address counts once it is used', async () => {
    const resident = await residentWithoutAddress();
    await setFrequency(test.context.database.db, resident.email, 'daily');
    const asked = await post('/api/me/address', { email: 'Marisol@Example.org' }, resident);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ sentTo: 'marisol@example.org' });
    const [sent] = (await latestOutboxMessages(test.context.database.db, 50)).filter(
      (message) => message.toAddress === 'marisol@example.org',
    );
    expect(sent?.subject).toBe('Confirme su correo en Restorativ');
    // Not yet: the address is not theirs until the link is used.
    const before = await test.app.inject({ url: '/api/me', headers: { cookie: resident.cookie } });
    expect(before.json().email).toBe('');

    const token = await tokenSentTo('marisol@example.org');
    // The link works in any browser: no sign-in is needed to use it.
    const confirmed = await post('/api/me/address/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    const after = await test.app.inject({ url: '/api/me', headers: { cookie: resident.cookie } });
    expect(after.json().email).toBe('marisol@example.org');
    expect(await frequencyOf(test.context.database.db, 'marisol@example.org')).toBe('daily');

    // Now a sign-in link reaches them, as it would anyone with an address.
    const signInLink = await post('/api/auth/sign-in/magic-link', {
      email: 'marisol@example.org',
      callbackURL: '/me',
    });
    expect(signInLink.statusCode).toBe(200);
    const templates = (await latestOutboxMessages(test.context.database.db, 50))
      .filter((message) => message.toAddress === 'marisol@example.org')
      .map((message) => message.template);
    expect(templates).toContain('magic-link');

    const again = await post('/api/me/address/confirm', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('token');
  });

  it('refuses someone who has an address already, an address in use, and a made-up link', async () => {
    const facilitator = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    expect(
      (await post('/api/me/address', { email: 'new@example.org' }, facilitator)).statusCode,
    ).toBe(409);

    const resident = await residentWithoutAddress();
    expect((await post('/api/me/address', { email: facilitator.email }, resident)).statusCode).toBe(
      202,
    );
    const taken = await post('/api/me/address/confirm', {
      token: await tokenSentTo(facilitator.email),
    });
    expect(taken.statusCode).toBe(409);
    const me = await test.app.inject({ url: '/api/me', headers: { cookie: resident.cookie } });
    expect(me.json().email).toBe('');

    const madeUp = await post('/api/me/address/confirm', { token: 'x'.repeat(43) });
    expect(madeUp.statusCode).toBe(400);
    const notAnAddress = await post('/api/me/address', { email: 'someone' }, resident);
    expect(notAnAddress.statusCode).toBe(400);
    expect(notAnAddress.json().errors[0].field).toBe('email');
    expect((await post('/api/me/address', { email: 'a@example.org' })).statusCode).toBe(401);
  });
});
