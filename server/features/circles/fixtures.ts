import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CreateCircleBody } from '../../../shared/circles/contract.ts';
import { instantOf } from '../../../shared/circles/schedule.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import { createOrganisation } from '../organisations/service.ts';

// What the circles tests share: a program run by a community organisation and a police agency,
// in Chicago's time zone, with its people; requests as a browser makes them; the emails in the
// outbox and the calendar files they carry.

export const ZONE = 'America/Chicago';

export interface CircleWorld {
  programId: string;
  admin: TestPerson;
  coordinator: TestPerson;
  keeper: TestPerson;
  coKeeper: TestPerson;
  /** A facilitator of the program who keeps none of the circles here. */
  facilitator: TestPerson;
  officer: TestPerson;
  resident: TestPerson;
  /** Staff of an organisation that runs nothing with this program. */
  outsider: TestPerson;
}

export async function buildCircleWorld(test: TestApp): Promise<CircleWorld> {
  const { db } = test.context.database;
  const community = await createOrganisation(db, {
    name: 'Riverside Peace Circle',
    kind: 'community_organisation',
  });
  const police = await createOrganisation(db, {
    name: 'Riverside Police Department',
    kind: 'police_agency',
  });
  const elsewhere = await createOrganisation(db, { name: 'Hillside Trust', kind: 'school' });
  const admin = await addSignedInPerson(test, { organisationId: community, role: 'org_admin' });
  const created = await send(test, admin, 'POST', `/api/organisations/${community}/programs`, {
    name: 'Neighbourhood listening circles',
    partners: [{ organisationId: police }],
  });
  const programId: string = created.json().id;
  await send(test, admin, 'PATCH', `/api/programs/${programId}`, {
    timeZone: ZONE,
    supportResources: 'Crisis line: 988.',
  });
  const inProgram = (organisationId: string, role: 'coordinator' | 'facilitator' | 'resident') =>
    addSignedInPerson(test, { organisationId, role, programId });
  return {
    programId,
    admin: await withName(test, admin, 'Grace Okafor'),
    coordinator: await withName(test, await inProgram(community, 'coordinator'), 'Amara Johnson'),
    keeper: await withName(test, await inProgram(community, 'facilitator'), 'Luis Herrera', 'es'),
    coKeeper: await withName(test, await inProgram(community, 'facilitator'), 'Sam Whitfield'),
    facilitator: await withName(test, await inProgram(community, 'facilitator'), 'Noor Haddad'),
    officer: await withName(
      test,
      await addSignedInPerson(test, { organisationId: police, role: 'officer', programId }),
      'Officer Priya Nair',
    ),
    resident: await withName(test, await inProgram(community, 'resident'), 'Rosa Medina', 'es'),
    outsider: await withName(
      test,
      await addSignedInPerson(test, { organisationId: elsewhere, role: 'facilitator' }),
      'Jo Baker',
    ),
  };
}

/** An officer whose agency has not verified them yet. */
export async function unverify(test: TestApp, person: TestPerson): Promise<void> {
  await test.context.database.db
    .update(memberships)
    .set({ verifiedAt: null })
    .where(eq(memberships.personId, person.personId));
}

/** The local date and time `days` from now in `zone`, at `time`: YYYY-MM-DDTHH:mm. */
export function localDaysAhead(days: number, time = '18:00', zone = ZONE): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return `${day}T${time}`;
}

/** The instant a local time names in `zone`. */
export function instantAt(local: string, zone = ZONE): Date {
  const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number) as number[];
  return instantOf(
    { year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0 },
    zone,
  );
}

export function planBody(world: CircleWorld, overrides: Partial<CreateCircleBody> = {}) {
  return {
    purpose: 'Traffic stops on Elm Street',
    startsAtLocal: localDaysAhead(3),
    keeperId: world.keeper.personId,
    coKeeperId: world.coKeeper.personId,
    capacity: 12,
    language: 'en',
    ...overrides,
  } satisfies CreateCircleBody;
}

/** Plans circles and returns their summaries. */
export async function plan(
  test: TestApp,
  world: CircleWorld,
  overrides: Partial<CreateCircleBody> = {},
) {
  const answer = await send(
    test,
    world.coordinator,
    'POST',
    `/api/programs/${world.programId}/circles`,
    planBody(world, overrides),
  );
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json().circles as { id: string; startsAt: string; status: string }[];
}

/** The emails of one template to an address, newest first, in full. */
export async function emailsTo(test: TestApp, address: string, template: string) {
  const { db } = test.context.database;
  const summaries = (await latestOutboxMessages(db, 500)).filter(
    (message) => message.toAddress === address && message.template === template,
  );
  return Promise.all(
    summaries.map(async (summary) => {
      const message = await readOutboxMessage(db, test.context.cipher, summary.id);
      if (!message) throw new Error(`outbox message ${summary.id} vanished`);
      return message;
    }),
  );
}

/** The token of a circle link in a text: it travels in the fragment, after /circles/join#. */
export function circleTokenIn(text: string): string {
  const token = /\/circles\/join#([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no circle link in the text');
  return token;
}

export interface IcsEvent {
  uid: string;
  /** The zone DTSTART names, and its local date-time as written (YYYYMMDDTHHMMSS). */
  zone: string;
  localStart: string;
  /** The instant that local time names in that zone. */
  start: Date;
  status: string;
  url: string;
}

/** The events of a calendar file, read as a calendar program reads them (folded lines joined). */
export function eventsOf(ics: string): { events: IcsEvent[]; timezones: string[] } {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const timezones = lines.filter((line) => line.startsWith('TZID:')).map((line) => line.slice(5));
  const events: IcsEvent[] = [];
  let current: Partial<IcsEvent> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current as IcsEvent);
      current = null;
    } else if (current) {
      const start = /^DTSTART;TZID=([^:]+):(\d{8}T\d{6})$/.exec(line);
      if (start?.[1] && start[2]) {
        const local = start[2];
        current.zone = start[1];
        current.localStart = local;
        current.start = instantAt(
          `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}T${local.slice(9, 11)}:${local.slice(11, 13)}`,
          start[1],
        );
      }
      if (line.startsWith('UID:')) current.uid = line.slice(4);
      if (line.startsWith('STATUS:')) current.status = line.slice(7);
      if (line.startsWith('URL;VALUE=URI:')) current.url = line.slice('URL;VALUE=URI:'.length);
    }
  }
  return { events, timezones };
}
