import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEmailPreferencesRequest } from '../../../shared/preferences/contract.ts';
import { updateProfileRequest } from '../../../shared/profile/contract.ts';
import { authSessions } from '../../platform/auth/schema.ts';
import {
  anyId,
  expectRefused,
  maybe,
  nextClientAddress,
  segment,
  snapshotOf,
} from '../../testing/fuzz.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// Bad input of any shape to the profile routes: each answer is a 4xx, a 400 names the fields at
// fault, and nothing saved changes (the person, their password, their sessions).

let test: TestApp;
let person: TestPerson;

beforeAll(async () => {
  test = await startTestApp();
  const organisationId = await addOrganisation(test, 'Eastside Community Trust');
  person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
  await addSignedInPerson(test, { organisationId, role: 'facilitator' });
});
afterAll(async () => {
  await test.close();
});

const profileBody = fc.record({
  name: maybe(fc.string({ maxLength: 130 })),
  language: maybe(fc.constantFrom('en', 'es', 'fr', 'EN', '')),
});
const emailBody = fc.record({
  email: maybe(fc.oneof(fc.emailAddress(), fc.string({ maxLength: 300 }))),
  // Never the right password: a refused change leaves everything as it was. After a few wrong
  // ones the account is locked, and the answer is a 429.
  password: maybe(fc.string({ maxLength: 300 })),
});

const sessionIds = async () =>
  (
    await test.context.database.db
      .select({ id: authSessions.id, expiresAt: authSessions.expiresAt })
      .from(authSessions)
      .where(eq(authSessions.userId, person.personId))
  ).sort((a, b) => a.id.localeCompare(b.id));

describe('bad input to the profile routes', () => {
  it('answers generated bodies and ids with a 4xx each and changes nothing saved', async () => {
    const { db } = test.context.database;
    const saved = () =>
      snapshotOf(db, ['people', 'auth_accounts', 'email_preferences', 'auth_verifications']);
    const before = { tables: await saved(), sessions: await sessionIds() };
    const send = (
      method: 'PATCH' | 'POST' | 'PUT' | 'DELETE' | 'GET',
      url: string,
      body?: unknown,
    ) =>
      test.app.inject({
        remoteAddress: nextClientAddress(),
        method,
        url,
        headers: {
          cookie: person.cookie,
          origin: test.context.config.publicUrl,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    let answered = 0;
    const runs: [fc.Arbitrary<unknown>, (value: unknown) => ReturnType<typeof send>, number][] = [
      [
        fc
          .oneof(profileBody, fc.jsonValue())
          .filter((b) => !updateProfileRequest.safeParse(b).success),
        (body) => send('PATCH', '/api/me', body ?? null),
        250,
      ],
      [
        fc.oneof(emailBody, fc.jsonValue()),
        (body) => send('POST', '/api/me/email', body ?? null),
        300,
      ],
      [anyId, (id) => send('DELETE', `/api/me/sessions/${segment(String(id))}`), 150],
      [
        fc.oneof(fc.record({ password: maybe(fc.string({ maxLength: 300 })) }), fc.jsonValue()),
        (body) => send('POST', '/api/me/reauthenticate', body ?? null),
        150,
      ],
      // A staff member has an address already: a valid one is refused as a conflict.
      [
        fc.oneof(fc.record({ email: maybe(fc.emailAddress()) }), fc.jsonValue()),
        (body) => send('POST', '/api/me/address', body ?? null),
        150,
      ],
      [
        fc.oneof(fc.record({ token: maybe(fc.string({ maxLength: 250 })) }), fc.jsonValue()),
        (body) => send('POST', '/api/me/address/confirm', body ?? null),
        150,
      ],
      [
        fc
          .oneof(fc.record({ frequency: maybe(fc.string()) }), fc.jsonValue())
          .filter((b) => !updateEmailPreferencesRequest.safeParse(b).success),
        (body) => send('PUT', '/api/me/email-preferences', body ?? null),
        150,
      ],
      [
        fc.tuple(fc.string({ maxLength: 400 }), fc.constantFrom('immediately', 'daily', 'never')),
        (value) => {
          const [token, frequency] = value as [string, string];
          return send('PUT', `/api/preferences/email?token=${segment(token)}`, { frequency });
        },
        150,
      ],
    ];
    for (const [values, request, numRuns] of runs) {
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          expectRefused(await request(value));
          answered++;
        }),
        { numRuns },
      );
    }
    expect(answered).toBeGreaterThanOrEqual(1_450);
    expect({ tables: await saved(), sessions: await sessionIds() }).toEqual(before);
    expect((await send('GET', '/api/me')).statusCode).toBe(200);
  });
});
