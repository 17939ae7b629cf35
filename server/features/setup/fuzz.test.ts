import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../platform/auth/schema.ts';
import { nextClientAddress } from '../../testing/fuzz.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships, organisations } from '../organisations/schema.ts';
import { completeSetup, prepareSetupLink } from './service.ts';

// Bad input of any shape to the endpoints a stranger can reach before signing in: every answer
// is a 4xx with a readable body, never a 5xx, and nothing already saved changes.

let test: TestApp;
const admin = { email: 'rosa@eastside.example', password: 'a long passphrase for rosa' };

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  await completeSetup(db, test.context.auth, {
    token: (await prepareSetupLink(db)) ?? '',
    organisation: { name: 'Eastside Police Department', kind: 'police_agency' },
    admin: { name: 'Rosa', ...admin, language: 'en' },
  });
});
afterAll(async () => {
  await test.close();
});

async function savedCounts() {
  const { db } = test.context.database;
  const [[p], [o], [m]] = await Promise.all([
    db.select({ n: count() }).from(people),
    db.select({ n: count() }).from(organisations),
    db.select({ n: count() }).from(memberships),
  ]);
  return { people: p?.n, organisations: o?.n, memberships: m?.n };
}

// Near-valid bodies find more than random ones: each field may be right, wrong or missing.
const maybe = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(value, fc.jsonValue(), fc.constant(undefined), fc.string());
const setupBody = fc.record({
  token: maybe(fc.base64String({ minLength: 40, maxLength: 50 })),
  organisation: maybe(
    fc.record({
      name: maybe(fc.string({ maxLength: 200 })),
      kind: maybe(fc.constantFrom('police_agency', 'school', 'militia', '')),
    }),
  ),
  admin: maybe(
    fc.record({
      name: maybe(fc.string()),
      email: maybe(fc.emailAddress()),
      password: maybe(fc.string({ minLength: 0, maxLength: 300 })),
      language: maybe(fc.constantFrom('en', 'es', 'fr')),
    }),
  ),
});
const anyBody = fc.oneof(fc.jsonValue(), setupBody);

function expectClientError(status: number, body: string) {
  // A rate limit's 429 would mean the input was never looked at.
  expect(status, body).not.toBe(429);
  expect(status, body).toBeGreaterThanOrEqual(400);
  expect(status, body).toBeLessThan(500);
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('bad input before sign-in', () => {
  it('answers 2,000 generated bodies with a 4xx each and changes nothing saved', async () => {
    const before = await savedCounts();
    const post = (url: string, payload: unknown) =>
      test.app.inject({
        remoteAddress: nextClientAddress(),
        method: 'POST',
        url,
        headers: { origin: test.context.config.publicUrl, 'content-type': 'application/json' },
        payload: JSON.stringify(payload ?? null),
      });
    const runs: [string, fc.Arbitrary<unknown>, number][] = [
      ['/api/setup', anyBody, 900],
      [
        '/api/setup/password',
        fc.oneof(
          fc.jsonValue(),
          fc.record({ token: maybe(fc.string()), password: maybe(fc.string()) }),
        ),
        500,
      ],
      [
        '/api/auth/sign-in/magic-link',
        fc.oneof(fc.jsonValue(), fc.record({ email: maybe(fc.string()) })),
        300,
      ],
    ];
    let answered = 0;
    for (const [url, bodies, numRuns] of runs) {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const response = await post(url, body);
          answered++;
          // A well-formed address to the sign-in link answers 200 whoever it belongs to.
          if (url.endsWith('magic-link') && response.statusCode === 200) return;
          expectClientError(response.statusCode, response.body);
        }),
        { numRuns },
      );
    }
    await fc.assert(
      fc.asyncProperty(fc.string(), async (token) => {
        const response = await test.app.inject({
          remoteAddress: nextClientAddress(),
          url: `/api/setup/status?token=${encodeURIComponent(token)}`,
        });
        answered++;
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 200) expect(response.json()).toEqual({ state: 'invalid' });
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThanOrEqual(2_000);
    expect(await savedCounts()).toEqual(before);

    const signIn = await post('/api/auth/sign-in/email', admin);
    expect(signIn.statusCode).toBe(200);
  });
});
