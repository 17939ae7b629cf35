import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// What circles need of their program: the zone they meet in, how long a consented transcript
// is kept, and where participants find help.

let test: TestApp;
let eastside: string;
let admin: TestPerson;
let coordinator: TestPerson;
let facilitator: TestPerson;
let programId: string;

beforeAll(async () => {
  test = await startTestApp({ TIME_ZONE: 'America/Chicago' });
  eastside = await addOrganisation(test, 'Eastside Community Trust');
  admin = await addSignedInPerson(test, { organisationId: eastside, role: 'org_admin' });
  const created = await call(admin, 'POST', `/api/organisations/${eastside}/programs`, {
    name: 'Listening circles',
  });
  expect(created.statusCode, created.body).toBe(201);
  programId = created.json().id;
  coordinator = await addSignedInPerson(test, {
    organisationId: eastside,
    role: 'coordinator',
    programId,
  });
  facilitator = await addSignedInPerson(test, {
    organisationId: eastside,
    role: 'facilitator',
    programId,
  });
});
afterAll(async () => {
  await test.close();
});

function call(as: TestPerson, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return test.app.inject({
    method,
    url,
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
    ...(payload ? { payload } : {}),
  });
}

const change = (as: TestPerson, payload: object) =>
  call(as, 'PATCH', `/api/programs/${programId}`, payload);

describe("a program's settings for its circles", () => {
  it('starts in the installation’s time zone, keeping transcripts 30 days, with no resources yet', async () => {
    const program = (await call(facilitator, 'GET', `/api/programs/${programId}`)).json();
    expect(program).toMatchObject({
      timeZone: 'America/Chicago',
      transcriptRetentionDays: 30,
      supportResources: '',
    });
  });

  it('lets a coordinator change them, spelling the zone as Intl does', async () => {
    const changed = await change(coordinator, {
      timeZone: 'america/new_york',
      transcriptRetentionDays: 90,
      supportResources: '  Crisis line: 988. Victim services: 555-0100.  ',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Listening circles',
      timeZone: 'America/New_York',
      transcriptRetentionDays: 90,
      supportResources: 'Crisis line: 988. Victim services: 555-0100.',
    });
    const read = (await call(facilitator, 'GET', `/api/programs/${programId}`)).json();
    expect(read.timeZone).toBe('America/New_York');
  });

  it('refuses an unknown zone, a retention out of range and resources too long, and keeps what was', async () => {
    const refusals = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'This is not a time zone we know'],
      [{ transcriptRetentionDays: 0 }, 'transcriptRetentionDays', 'at least 1 day'],
      [{ transcriptRetentionDays: 3_651 }, 'transcriptRetentionDays', 'at most 3,650 days'],
      [{ transcriptRetentionDays: 7.5 }, 'transcriptRetentionDays', 'whole number'],
      [{ supportResources: 'x'.repeat(2_001) }, 'supportResources', 'under 2,000 characters'],
    ] as const;
    for (const [payload, field, message] of refusals) {
      const answer = await change(coordinator, payload);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().errors).toEqual([
        expect.objectContaining({ field, message: expect.stringContaining(message) }),
      ]);
    }
    const read = (await call(facilitator, 'GET', `/api/programs/${programId}`)).json();
    expect(read).toMatchObject({ timeZone: 'America/New_York', transcriptRetentionDays: 90 });
  });

  it('keeps the settings to those who run the program', async () => {
    const answer = await change(facilitator, { transcriptRetentionDays: 3_650 });
    expect(answer.statusCode).toBe(403);
  });
});
