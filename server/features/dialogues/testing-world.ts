import { expect } from 'vitest';
import type { CreateDialogueBody, DialogueDetail } from '../../../shared/dialogues/contract.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createOrganisation } from '../organisations/service.ts';

// What the dialogues' HTTP tests share: a program run by a community organisation and a police
// agency, with its people, and the requests a browser makes to plan and join a dialogue.

export interface DialogueWorld {
  programId: string;
  admin: TestPerson;
  coordinator: TestPerson;
  /** The facilitator who plans the dialogues: they moderate them as their creator. */
  facilitator: TestPerson;
  /** Another facilitator of the program, who planned none of them. */
  otherFacilitator: TestPerson;
  officer: TestPerson;
  resident: TestPerson;
  secondResident: TestPerson;
  /** Staff of an organisation that runs nothing with this program. */
  outsider: TestPerson;
}

export const SUPPORT = 'Crisis line: 988. Victim services: 555-0100.';

export async function buildDialogueWorld(test: TestApp): Promise<DialogueWorld> {
  const { db } = test.context.database;
  const community = await createOrganisation(db, {
    name: 'Eastside Neighbours',
    kind: 'community_organisation',
  });
  const police = await createOrganisation(db, {
    name: 'Eastside Police Department',
    kind: 'police_agency',
  });
  const elsewhere = await createOrganisation(db, { name: 'Hillside Trust', kind: 'school' });
  const admin = await addSignedInPerson(test, { organisationId: community, role: 'org_admin' });
  const created = await send(test, admin, 'POST', `/api/organisations/${community}/programs`, {
    name: 'Traffic stops dialogues',
    partners: [{ organisationId: police }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const programId: string = created.json().id;
  await send(test, admin, 'PATCH', `/api/programs/${programId}`, { supportResources: SUPPORT });
  const inProgram = (
    organisationId: string,
    role: 'coordinator' | 'facilitator' | 'resident' | 'officer',
  ) => addSignedInPerson(test, { organisationId, role, programId });
  return {
    programId,
    admin,
    coordinator: await inProgram(community, 'coordinator'),
    facilitator: await withName(test, await inProgram(community, 'facilitator'), 'Luis Herrera'),
    otherFacilitator: await inProgram(community, 'facilitator'),
    officer: await withName(test, await inProgram(police, 'officer'), 'Priya Nair'),
    resident: await withName(test, await inProgram(community, 'resident'), 'Rosa Medina', 'es'),
    secondResident: await inProgram(community, 'resident'),
    outsider: await addSignedInPerson(test, { organisationId: elsewhere, role: 'facilitator' }),
  };
}

export function dialogueBody(overrides: Partial<CreateDialogueBody> = {}): CreateDialogueBody {
  return {
    title: 'Traffic stops in the Eastside district',
    description: 'What should change about traffic stops here?',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    audience: 'public',
    moderation: 'after',
    languages: ['en', 'es'],
    seedStatements: [],
    ...overrides,
  };
}

/** Plans a dialogue through the API, as the world's facilitator. */
export async function planDialogue(
  test: TestApp,
  world: DialogueWorld,
  overrides: Partial<CreateDialogueBody> = {},
): Promise<DialogueDetail> {
  const answer = await send(
    test,
    world.facilitator,
    'POST',
    `/api/programs/${world.programId}/dialogues`,
    dialogueBody(overrides),
  );
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json();
}

export const taking = (displayName: string, extra: object = {}) => ({
  displayName,
  language: 'en',
  agreeToTakePart: true,
  ...extra,
});

/** Joins signed in and returns the participant's id. */
export async function joinAs(test: TestApp, person: TestPerson, dialogueId: string, name = 'Sam') {
  const answer = await send(
    test,
    person,
    'POST',
    `/api/dialogues/${dialogueId}/join`,
    taking(name),
  );
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json().participantId as string;
}

export function dialogueTokenIn(url: string): string {
  const token = /\/dialogues\/join#([\w-]+)/.exec(url)?.[1];
  if (!token) throw new Error('no dialogue link in the text');
  return token;
}

/** The session cookies a join by link set, to send with the next requests. */
export const sessionOf = (setCookie: string | string[] | undefined) =>
  (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
