import { count, sum } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptInvitationRequest,
  createInvitationRequest,
} from '../../../shared/invitations/contract.ts';
import { roles } from '../../../shared/permissions/roles.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { authSessions, people } from '../../platform/auth/schema.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { nextClientAddress } from '../../testing/fuzz.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import { addOrganisationOfKind, addProgram, invitationRequests, tokenIn } from './fixtures.ts';
import { invitations } from './schema.ts';

// Bad input of any shape to creating and accepting invitations: every answer is a 400 naming
// the fields, never a 5xx, and nothing already saved changes, not even an open link's count.

let test: TestApp;
let requests: ReturnType<typeof invitationRequests>;
let agency: string;
let circles: string;
let admin: TestPerson;
let openToken: string;

beforeAll(async () => {
  test = await startTestApp();
  requests = invitationRequests(test);
  agency = await addOrganisationOfKind(test, 'Eastside Police Department', 'police_agency');
  circles = await addProgram(test, 'Eastside listening circles', [agency]);
  admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  const link = await requests.create(admin, agency, {
    delivery: 'link',
    role: 'resident',
    programId: circles,
    maxUses: 3,
  });
  openToken = tokenIn(link.json().link);
});
afterAll(async () => {
  await test.close();
});

async function savedCounts() {
  const { db } = test.context.database;
  const [[p], [m], [i], [o], [s], [a]] = await Promise.all([
    db.select({ n: count() }).from(people),
    db.select({ n: count() }).from(memberships),
    db.select({ n: count(), uses: sum(invitations.uses) }).from(invitations),
    db.select({ n: count() }).from(outbox),
    db.select({ n: count() }).from(authSessions),
    db.select({ n: count() }).from(auditEvents),
  ]);
  return { people: p, memberships: m, invitations: i, outbox: o, sessions: s, audit: a };
}

// Near-valid bodies find more than random ones: each field may be right, wrong or missing.
const maybe = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(value, fc.jsonValue(), fc.constant(undefined), fc.string());

function expectFieldMessages(status: number, body: string) {
  expect(status, body).toBe(400);
  const errors = JSON.parse(body).errors as { field: unknown; message: unknown }[];
  expect(errors.length, body).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.field).toBe('string');
    expect(typeof error.message).toBe('string');
  }
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('bad input to invitations', () => {
  it('answers 600 generated invitations with field messages and creates nothing', async () => {
    const before = await savedCounts();
    const createBody = fc.record(
      {
        delivery: maybe(fc.constantFrom('email', 'link', 'sms', '')),
        email: maybe(fc.emailAddress()),
        role: maybe(fc.constantFrom(...roles, 'superuser')),
        programId: maybe(fc.oneof(fc.constant(circles), fc.constant(null), fc.uuid())),
        language: maybe(fc.constantFrom('en', 'es', 'fr')),
        maxUses: maybe(fc.integer({ min: -5, max: 600 })),
        expiresInDays: maybe(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double())),
      },
      { requiredKeys: [] },
    );
    const invalidBodies = fc
      .oneof(fc.jsonValue(), createBody)
      .filter((body) => !createInvitationRequest.safeParse(body).success);
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(invalidBodies, async (body) => {
        const response = await test.app.inject({
          remoteAddress: nextClientAddress(),
          method: 'POST',
          url: `/api/organisations/${agency}/invitations`,
          headers: {
            origin: test.context.config.publicUrl,
            cookie: admin.cookie,
            'content-type': 'application/json',
          },
          payload: JSON.stringify(body ?? null),
        });
        answered++;
        expectFieldMessages(response.statusCode, response.body);
      }),
      { numRuns: 600 },
    );
    expect(answered).toBe(600);
    expect(await savedCounts()).toEqual(before);
  });

  it('answers 600 generated acceptances with field messages and lets no one in', async () => {
    const before = await savedCounts();
    const acceptBody = fc.record(
      {
        token: maybe(
          fc.oneof(
            fc.constant(openToken),
            fc.base64String({ minLength: 20, maxLength: 60 }),
            fc.string({ maxLength: 250 }),
          ),
        ),
        name: maybe(fc.string({ maxLength: 80 })),
        language: maybe(fc.constantFrom('en', 'es', 'fr')),
        password: maybe(fc.string({ maxLength: 300 })),
      },
      { requiredKeys: [] },
    );
    // A well-formed body with the real token is a real acceptance, which is not what this tests.
    const badBodies = fc.oneof(fc.jsonValue(), acceptBody).filter((body) => {
      const parsed = acceptInvitationRequest.safeParse(body);
      return !parsed.success || parsed.data.token !== openToken;
    });
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(badBodies, async (body) => {
        const response = await test.app.inject({
          remoteAddress: nextClientAddress(),
          method: 'POST',
          url: '/api/invitations/accept',
          headers: { origin: test.context.config.publicUrl, 'content-type': 'application/json' },
          payload: JSON.stringify(body ?? null),
        });
        answered++;
        expectFieldMessages(response.statusCode, response.body);
        expect(response.headers['set-cookie']).toBeUndefined();
      }),
      { numRuns: 600 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 250 }), async (token) => {
        const response = await requests.preview(token);
        answered++;
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 200) expect(response.json()).toEqual({ state: 'invalid' });
      }),
      { numRuns: 200 },
    );
    expect(answered).toBe(800);
    expect(await savedCounts()).toEqual(before);
    expect((await requests.preview(openToken)).json()).toMatchObject({ state: 'open' });
  });
});
