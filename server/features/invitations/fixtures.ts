import { eq } from 'drizzle-orm';
import type { CreateInvitationRequest } from '../../../shared/invitations/contract.ts';
import type { OrganisationKind } from '../../../shared/organisations/contract.ts';
import { people } from '../../platform/auth/schema.ts';
import type { TestPerson } from '../../testing/people.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { programOrganisations, programs } from '../organisations/schema.ts';
import { createOrganisation } from '../organisations/service.ts';

// What the invitation tests share: organisations of each kind, programs run together, and
// requests made as a browser on our own pages makes them.

export const addOrganisationOfKind = (test: TestApp, name: string, kind: OrganisationKind) =>
  createOrganisation(test.context.database.db, { name, kind });

/** A program led by the first organisation, run with the others as partners. */
export async function addProgram(test: TestApp, name: string, organisationIds: string[]) {
  const [lead = ''] = organisationIds;
  const id = crypto.randomUUID();
  const { db } = test.context.database;
  await db.insert(programs).values({ id, name, leadOrganisationId: lead });
  await db
    .insert(programOrganisations)
    .values(organisationIds.map((organisationId) => ({ programId: id, organisationId })));
  return id;
}

export async function rename(test: TestApp, person: TestPerson, name: string) {
  await test.context.database.db.update(people).set({ name }).where(eq(people.id, person.personId));
}

export function invitationRequests(test: TestApp) {
  const origin = test.context.config.publicUrl;
  return {
    create: (
      as: TestPerson | undefined,
      organisationId: string,
      payload: CreateInvitationRequest | unknown,
    ) =>
      test.app.inject({
        method: 'POST',
        url: `/api/organisations/${organisationId}/invitations`,
        headers: { origin, ...(as ? { cookie: as.cookie } : {}) },
        payload: payload as object,
      }),
    list: (as: TestPerson, organisationId: string) =>
      test.app.inject({
        url: `/api/organisations/${organisationId}/invitations`,
        headers: { cookie: as.cookie },
      }),
    revoke: (as: TestPerson, invitationId: string) =>
      test.app.inject({
        method: 'POST',
        url: `/api/invitations/${invitationId}/revoke`,
        headers: { origin, cookie: as.cookie },
      }),
    preview: (token: string) =>
      test.app.inject({ url: `/api/invitations/preview?token=${encodeURIComponent(token)}` }),
    accept: (payload: unknown, cookie?: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        headers: { origin, ...(cookie ? { cookie } : {}) },
        payload: payload as object,
      }),
  };
}

/** The token in an accept link: it travels in the fragment, after `/join#`. */
export function tokenIn(text: string): string {
  const token = /\/join#([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no invitation link in the text');
  return token;
}

/** The cookie a response set for the session, as a browser sends it back. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}
