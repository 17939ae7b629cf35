import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPartnerRequest,
  createProgramRequest,
  grantRoleRequest,
  organisationKinds,
  updateProgramRequest,
} from '../../../shared/organisations/contract.ts';
import { roles } from '../../../shared/permissions/roles.ts';
import {
  anyId,
  expectRefused,
  maybe,
  nextClientAddress,
  segment,
  snapshotOf,
} from '../../testing/fuzz.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { programOrganisations, programs } from './schema.ts';
import { createOrganisation } from './service.ts';

// Bad input of any shape, from the most trusted person there is (the organisation's admin), to
// every route of organisations, programs and people: each answer is a 4xx, a 400 names the
// fields at fault, and nothing saved changes.

let test: TestApp;
let agency: string;
let program: string;
let admin: TestPerson;
let facilitator: TestPerson;

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  agency = await createOrganisation(db, {
    name: 'Eastside Police Department',
    kind: 'police_agency',
  });
  program = crypto.randomUUID();
  await db.insert(programs).values({ id: program, name: 'Circles', leadOrganisationId: agency });
  await db.insert(programOrganisations).values({ programId: program, organisationId: agency });
  admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  facilitator = await addSignedInPerson(test, {
    organisationId: agency,
    programId: program,
    role: 'facilitator',
  });
});
afterAll(async () => {
  await test.close();
});

const savedTables = ['organisations', 'programs', 'program_organisations', 'memberships', 'people'];

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Attempt {
  method: Method;
  url: string;
  body?: unknown;
}

const partner = fc.oneof(
  fc.record({ organisationId: maybe(fc.uuid({ version: 4 })) }),
  fc.record({
    name: maybe(fc.string({ maxLength: 130 })),
    kind: maybe(fc.constantFrom(...organisationKinds, 'militia', '')),
  }),
  fc.jsonValue(),
);
/** A partner that is well formed but names no organisation here. */
const unknownPartner = fc.uuid({ version: 4 }).map((organisationId) => ({ organisationId }));
const programBody = fc.record({
  name: maybe(fc.string({ maxLength: 130 })),
  description: maybe(fc.string({ maxLength: 2_100 })),
  partners: maybe(fc.array(partner, { maxLength: 12 })),
});
const invalid = <T>(
  schema: { safeParse(value: unknown): { success: boolean } },
  value: fc.Arbitrary<T>,
) => value.filter((body) => !schema.safeParse(body).success);

// Nobody here is the person these name, so no grant, revoke or verification can take effect.
const strangerUrl = anyId.map(segment);

const post = (url: fc.Arbitrary<string>, body: fc.Arbitrary<unknown>, method: Method = 'POST') =>
  fc.record({ url, body }).map((attempt): Attempt => ({ method, ...attempt }));
const get = (url: fc.Arbitrary<string>, method: Method = 'GET') =>
  url.map((path): Attempt => ({ method, url: path }));

function routes(): [string, fc.Arbitrary<Attempt>, number][] {
  // Built once the records exist: well-formed ids that name them, or anything else.
  const organisationUrl = fc.oneof(fc.constant(agency), anyId).map(segment);
  const programUrl = fc.oneof(fc.constant(program), anyId).map(segment);
  const roleBody = fc.record({
    role: maybe(fc.constantFrom(...roles, 'sheriff')),
    programId: maybe(fc.oneof(fc.constant(null), fc.uuid({ version: 4 }), fc.constant(program))),
  });
  return [
    ['read an organisation', get(anyId.map((id) => `/api/organisations/${segment(id)}`)), 60],
    [
      'start a program (malformed)',
      post(
        organisationUrl.map((org) => `/api/organisations/${org}/programs`),
        invalid(createProgramRequest, fc.oneof(programBody, fc.jsonValue())),
      ),
      200,
    ],
    [
      'start a program with a partner that does not exist',
      post(
        fc.constant(`/api/organisations/${agency}/programs`),
        fc
          .record({
            name: fc.constant('A program'),
            partners: fc
              .array(fc.oneof(partner, unknownPartner), { maxLength: 9 })
              .chain((partners) => unknownPartner.map((unknown) => [...partners, unknown])),
          })
          .filter((body) => createProgramRequest.safeParse(body).success),
      ),
      100,
    ],
    ['read a program', get(anyId.map((id) => `/api/programs/${segment(id)}`)), 60],
    [
      'change a program',
      post(
        programUrl.map((id) => `/api/programs/${id}`),
        invalid(updateProgramRequest, fc.oneof(programBody, fc.jsonValue())),
        'PATCH',
      ),
      150,
    ],
    [
      'add a partner',
      post(
        programUrl.map((id) => `/api/programs/${id}/partners`),
        fc.oneof(invalid(addPartnerRequest, partner), unknownPartner),
      ),
      150,
    ],
    ['list people', get(anyId.map((id) => `/api/organisations/${segment(id)}/people`)), 60],
    [
      'grant a role',
      post(
        fc
          .tuple(organisationUrl, strangerUrl)
          .map(([org, person]) => `/api/organisations/${org}/people/${person}/roles`),
        fc.oneof(
          roleBody,
          fc.jsonValue(),
          roleBody.filter((b) => grantRoleRequest.safeParse(b).success),
        ),
      ),
      200,
    ],
    [
      'revoke a role',
      get(
        fc
          .tuple(organisationUrl, fc.oneof(fc.constant(facilitator.personId), anyId), anyId)
          .map(
            ([org, person, role]) =>
              `/api/organisations/${org}/people/${segment(person)}/roles/${segment(role)}`,
          ),
        'DELETE',
      ),
      100,
    ],
    [
      'verify an officer',
      get(
        fc
          .tuple(organisationUrl, strangerUrl)
          .map(([org, person]) => `/api/organisations/${org}/people/${person}/verify-officer`),
        'POST',
      ),
      60,
    ],
    ...(['disable', 'enable', 'reset-second-factor'] as const).map(
      (change): [string, fc.Arbitrary<Attempt>, number] => [
        `${change} someone who is not here`,
        get(
          fc
            .tuple(organisationUrl, strangerUrl)
            .map(([org, person]) => `/api/organisations/${org}/people/${person}/${change}`),
          'POST',
        ),
        60,
      ],
    ),
  ];
}

describe('bad input to organisations, programs and people', () => {
  it('answers more than 1,000 generated requests with a 4xx each and changes nothing saved', async () => {
    const { db } = test.context.database;
    const before = await snapshotOf(db, savedTables);
    let answered = 0;
    for (const [, attempts, numRuns] of routes()) {
      await fc.assert(
        fc.asyncProperty(attempts, async ({ method, url, body }) => {
          const response = await test.app.inject({
            remoteAddress: nextClientAddress(),
            method,
            url,
            headers: {
              cookie: admin.cookie,
              origin: test.context.config.publicUrl,
              ...(body === undefined && method !== 'POST'
                ? {}
                : { 'content-type': 'application/json' }),
            },
            ...(body === undefined && method !== 'POST'
              ? {}
              : { payload: JSON.stringify(body ?? null) }),
          });
          answered++;
          expectRefused(response);
        }),
        { numRuns },
      );
    }
    expect(answered).toBeGreaterThanOrEqual(1_000);
    expect(await snapshotOf(db, savedTables)).toEqual(before);
    const still = await test.app.inject({
      remoteAddress: nextClientAddress(),
      url: `/api/organisations/${agency}`,
      headers: { cookie: admin.cookie },
    });
    expect(still.json().programs).toHaveLength(1);
  });
});
