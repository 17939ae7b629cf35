import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { fakeWebRoot, startTestApp, type TestApp } from '../../testing/test-app.ts';

// The limits as someone trying to guess meets them: a clear 429 that says how long to wait,
// counted per account and address, and, with Redis, across every process of the installation.

const redisUrl = process.env.REDIS_URL;
let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test?.close();
});

const signIn = (app: TestApp['app'], email: string, remoteAddress = '203.0.113.7') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.context.config.publicUrl },
    remoteAddress,
    payload: { email, password: 'not the password at all' },
  });

describe('rate limits', () => {
  it('stops the 11th sign-in for one account from one address, and says how long to wait', async () => {
    const organisationId = await addOrganisation(test, 'Eastside Community Voices');
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await signIn(test.app, person.email)).statusCode);
    }
    // The account lockout (5 failures) answers first; the rate limit holds beyond it.
    expect(statuses.slice(0, 10).every((status) => status === 401 || status === 429)).toBe(true);
    const limited = await signIn(test.app, person.email);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().detail).toMatch(
      /^Too many attempts\. Please wait \d+ minutes? and try again\.$/,
    );

    // Someone else behind the same office address is not locked out by it.
    const colleague = await signIn(test.app, 'colleague@example.org');
    expect(colleague.statusCode).toBe(401);
    // From another address the address limit has nothing counted; the account's own lockout
    // (after 5 failures) is what still holds the account.
    const elsewhere = await signIn(test.app, person.email, '198.51.100.20');
    expect(elsewhere.json().message).toMatch(/^Too many failed sign-ins\. This account is locked/);
  });

  it('sends at most 3 sign-in links to one address in 15 minutes', async () => {
    const ask = () =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/magic-link',
        headers: { origin: test.context.config.publicUrl },
        remoteAddress: '203.0.113.8',
        payload: { email: 'resident@example.org', callbackURL: '/me' },
      });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await ask()).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('sends a browser that opened too many sign-in links to the sign-in page, not to JSON', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      const response = await test.app.inject({
        url: `/api/auth/magic-link/verify?token=made-up-${attempt}&callbackURL=/me`,
        remoteAddress: '203.0.113.11',
      });
      statuses.push(response.statusCode);
      if (attempt === 30) {
        expect(response.headers.location).toBe('/sign-in?link=failed&error=TOO_MANY_ATTEMPTS');
      }
    }
    expect(statuses.at(-1)).toBe(303);
  });

  it('limits guesses at invitation links by address', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 61; attempt += 1) {
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/invitations/preview?token=${'g'.repeat(30)}${attempt}`,
        remoteAddress: '203.0.113.9',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it(`counts ${redisUrl ? 'across processes through Redis' : 'in the process without Redis'}`, async () => {
    // A second server of the same installation: same settings, same database.
    const second = await buildApp(test.context, { webRoot: fakeWebRoot() });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const app = attempt % 2 === 0 ? test.app : second;
        statuses.push((await signIn(app, 'shared.counter@example.org', '203.0.113.10')).statusCode);
      }
      // Ten attempts are allowed in all; through Redis the two servers count together, in
      // the process each counts its own, so neither has reached ten.
      expect(statuses.filter((status) => status === 429)).toHaveLength(redisUrl ? 2 : 0);
    } finally {
      await second.close();
    }
  });
});
