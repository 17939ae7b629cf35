import { eq } from 'drizzle-orm';
import type { OrganisationKind } from '../../../shared/organisations/contract.ts';
import type { SetupRequest, SetupStatus } from '../../../shared/setup/contract.ts';
import type { Auth } from '../../platform/auth/auth.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ConflictError, InvalidError } from '../../platform/errors.ts';
import { organisations } from '../organisations/schema.ts';
import {
  anyOrganisationExists,
  createOrganisation,
  grantMembership,
} from '../organisations/service.ts';
import { consumeSetupToken, findSetupToken, issueSetupToken } from './token.ts';

// First run: no default password anywhere. An empty installation offers a one-time link that
// creates the first organisation and its admin (or, after `restorativ init`, lets the admin it
// created choose a password).

const invalidLink = () =>
  new InvalidError(
    [{ field: 'token', message: 'This setup link has expired or was already used.' }],
    'Start Restorativ again to get a new setup link, or use restorativ init.',
  );

/** A fresh setup link's token while no organisation exists; undefined once set up. */
export async function prepareSetupLink(db: Database): Promise<string | undefined> {
  if (await anyOrganisationExists(db)) return undefined;
  return issueSetupToken(db);
}

export async function setupStatusOf(db: Database, token: string): Promise<SetupStatus> {
  const stored = await findSetupToken(db, token);
  if (!stored) return { state: 'invalid' };
  if (!stored.adminPersonId || !stored.organisationId) return { state: 'open' };
  const [admin] = await db
    .select({ email: people.email })
    .from(people)
    .where(eq(people.id, stored.adminPersonId));
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, stored.organisationId));
  if (!admin || !organisation) return { state: 'invalid' };
  return { state: 'choose-password', organisationName: organisation.name, adminEmail: admin.email };
}

/** A person with a verified address and, for staff, a password; no role yet. */
export async function createPerson(
  auth: Auth,
  person: { name: string; email: string; language: string; password?: string },
): Promise<string> {
  const context = await auth.$context;
  const created = await context.internalAdapter.createUser(
    {
      name: person.name,
      email: person.email.toLowerCase(),
      emailVerified: true,
      language: person.language,
    },
    { method: 'admin' },
  );
  if (person.password) await setPassword(auth, created.id, person.password);
  return created.id;
}

async function setPassword(auth: Auth, personId: string, password: string): Promise<void> {
  const context = await auth.$context;
  await context.internalAdapter.linkAccount({
    userId: personId,
    providerId: 'credential',
    accountId: personId,
    password: await context.password.hash(password),
  });
}

export async function completeSetup(db: Database, auth: Auth, request: SetupRequest) {
  const stored = await findSetupToken(db, request.token);
  if (!stored || stored.adminPersonId) throw invalidLink();
  const personId = await createPerson(auth, { ...request.admin });
  if (!(await consumeSetupToken(db, stored))) {
    await (await auth.$context).internalAdapter.deleteUser(personId);
    throw new ConflictError('Restorativ was set up by someone else a moment ago.');
  }
  const organisationId = await db.transaction(async (tx) => {
    const id = await createOrganisation(tx, request.organisation);
    await grantMembership(tx, { personId, organisationId: id, role: 'org_admin' });
    return id;
  });
  return { organisationId, personId };
}

export async function chooseAdminPassword(
  db: Database,
  auth: Auth,
  token: string,
  password: string,
) {
  const stored = await findSetupToken(db, token);
  if (!stored?.adminPersonId || !stored.organisationId) throw invalidLink();
  if (!(await consumeSetupToken(db, stored))) throw invalidLink();
  await setPassword(auth, stored.adminPersonId, password);
  return { organisationId: stored.organisationId, personId: stored.adminPersonId };
}

/** `restorativ init`: the first organisation and its admin, who then chooses a password by link. */
export async function initialise(
  db: Database,
  auth: Auth,
  input: {
    organisationName: string;
    kind: OrganisationKind;
    adminEmail: string;
    adminName: string;
  },
): Promise<string> {
  if (await anyOrganisationExists(db)) {
    throw new ConflictError('Restorativ is already set up: it has an organisation.');
  }
  const personId = await createPerson(auth, {
    name: input.adminName,
    email: input.adminEmail,
    language: 'en',
  });
  const organisationId = await db.transaction(async (tx) => {
    const id = await createOrganisation(tx, { name: input.organisationName, kind: input.kind });
    await grantMembership(tx, { personId, organisationId: id, role: 'org_admin' });
    return id;
  });
  return issueSetupToken(db, { adminPersonId: personId, organisationId });
}
