import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createOrganisation } from '../organisations/service.ts';

// What the youth tests share: a community organisation running a youth program, its
// coordinator, and a facilitator who is the safeguarding lead.

export interface YouthProgram {
  organisationId: string;
  programId: string;
  admin: TestPerson;
  coordinator: TestPerson;
  lead: TestPerson;
}

export const youthSettingsFor = (safeguardingLeadId: string) => ({
  minAge: 12,
  maxAge: 20,
  safeguardingLeadId,
  twoAdultsPresent: true,
  openPlacesOnly: true,
  guardianSeesMentoring: false,
  retentionDays: 365,
  consentValidDays: 365,
  aboutForGuardians:
    'Young people and officers meet twice a month at the library to talk, play and plan a project together.',
});

export async function setUpYouthProgram(test: TestApp): Promise<YouthProgram> {
  const organisationId = await createOrganisation(test.context.database.db, {
    name: 'Eastside Youth Alliance',
    kind: 'community_organisation',
  });
  const admin = await addSignedInPerson(test, { organisationId, role: 'org_admin' });
  const program = await send(test, admin, 'POST', `/api/organisations/${organisationId}/programs`, {
    name: 'Youth and police together',
  });
  const programId: string = program.json().id;
  const coordinator = await addSignedInPerson(test, {
    organisationId,
    programId,
    role: 'coordinator',
  });
  const lead = await withName(
    test,
    await addSignedInPerson(test, { organisationId, programId, role: 'facilitator' }),
    'Marisol Vega',
  );
  const saved = await send(
    test,
    coordinator,
    'PUT',
    `/api/programs/${programId}/youth`,
    youthSettingsFor(lead.personId),
  );
  if (saved.statusCode !== 200) throw new Error(`the youth settings were refused: ${saved.body}`);
  return { organisationId, programId, admin, coordinator, lead };
}

/** The token of the newest link of `template` sent to `address`, read from the email itself. */
export async function linkTokenSentTo(
  test: TestApp,
  address: string,
  template: 'youth-consent-request' | 'youth-consent-answered',
): Promise<string> {
  const { db } = test.context.database;
  const sent = (await latestOutboxMessages(db, 50)).find(
    (message) => message.toAddress === address && message.template === template,
  );
  const message = sent && (await readOutboxMessage(db, test.context.cipher, sent.id));
  const token = message?.textBody.match(/\/consent#([\w-]{43})/)?.[1];
  if (!token) throw new Error(`no ${template} link was sent to ${address}`);
  return token;
}
