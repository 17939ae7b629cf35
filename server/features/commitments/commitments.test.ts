import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { commitments } from './schema.ts';

let test: TestApp;
let programId: string;
let policeId: string;
let coordinator: TestPerson;
let officer: TestPerson;
let otherOfficer: TestPerson;
let facilitator: TestPerson;
let resident: TestPerson;
let stranger: TestPerson;
let today: string;

beforeAll(async () => {
  test = await startTestApp();
  today = dayIn(test.context.config.TIME_ZONE);
  const eastside = await addOrganisation(test, 'Eastside Community Trust');
  const admin = await addSignedInPerson(test, { organisationId: eastside, role: 'org_admin' });
  const created = await call(admin, 'POST', `/api/organisations/${eastside}/programs`, {
    name: 'Traffic stops listening circles',
    partners: [{ name: 'Eastside Police Department', kind: 'police_agency' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  programId = created.json().id;
  policeId = created.json().organisations[1].id;
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
  resident = await addSignedInPerson(test, {
    organisationId: eastside,
    role: 'resident',
    programId,
  });
  officer = await addSignedInPerson(test, { organisationId: policeId, role: 'officer' });
  otherOfficer = await addSignedInPerson(test, { organisationId: policeId, role: 'officer' });
  await test.context.database.db
    .update(people)
    .set({ name: 'Sergeant Dana Reyes' })
    .where(eq(people.id, officer.personId));
  const southside = await addOrganisation(test, 'Southside Youth Club');
  stranger = await addSignedInPerson(test, { organisationId: southside, role: 'org_admin' });
});
afterAll(async () => {
  await test.close();
});

function call(as: TestPerson, method: 'GET' | 'POST', url: string, payload?: object) {
  return test.app.inject({
    method,
    url,
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
    ...(payload ? { payload } : {}),
  });
}

const meeting = (overrides: object = {}) => ({
  title: 'Publish the traffic stop policy in plain language',
  description: 'Residents asked to read the policy officers follow at a stop.',
  source: 'manual',
  sourceLabel: 'Program meeting, 12 November',
  owner: { kind: 'person', personId: officer.personId },
  dueOn: addDays(today, 30),
  visibility: 'public',
  ...overrides,
});

async function record(overrides: object = {}, as: TestPerson = coordinator) {
  const response = await call(
    as,
    'POST',
    `/api/programs/${programId}/commitments`,
    meeting(overrides),
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const fieldsOf = (response: { json(): { errors?: { field: string }[] } }) =>
  (response.json().errors ?? []).map((each) => each.field);

describe('the accountability register for staff', () => {
  it('follows a promise from the meeting where it was made to its verified completion', async () => {
    const commitment = await record();
    expect(commitment.owner.organisation.name).toBe('Eastside Police Department');
    expect(commitment.owner.person).toMatchObject({ name: 'Sergeant Dana Reyes', officer: true });
    expect(commitment.status).toBe('planned');
    expect(commitment.publicLink).toBe(
      `${test.context.config.publicUrl}/register/commitments/${commitment.id}`,
    );

    // The officer finds it among their own and reports on it.
    const mine = await call(officer, 'GET', '/api/commitments/mine');
    expect(mine.json().commitments.map((each: { id: string }) => each.id)).toContain(commitment.id);
    const detail = (await call(officer, 'GET', `/api/commitments/${commitment.id}`)).json();
    expect(detail.may).toEqual({ report: true, verify: false, moveDueDate: false });

    const started = await call(officer, 'POST', `/api/commitments/${commitment.id}/updates`, {
      status: 'in_progress',
      percent: 40,
      evidence: {
        text: 'A first draft went to the community review group.',
        links: ['https://example.org/draft-policy'],
      },
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', percent: 40 });

    const done = await call(officer, 'POST', `/api/commitments/${commitment.id}/updates`, {
      status: 'done',
      evidence: { text: 'Published on the department website.', links: [] },
    });
    expect(done.json()).toMatchObject({ status: 'done', percent: 100, verifiedAt: null });

    // The owner may not verify their own work; the coordinator does.
    const ownVerification = await call(
      officer,
      'POST',
      `/api/commitments/${commitment.id}/verify`,
      {},
    );
    expect(ownVerification.statusCode).toBe(403);
    expect(
      (await call(coordinator, 'GET', `/api/commitments/${commitment.id}`)).json().may.verify,
    ).toBe(true);
    const verified = await call(coordinator, 'POST', `/api/commitments/${commitment.id}/verify`, {
      note: 'Checked the page on the website.',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().verifiedAt).not.toBeNull();
    expect(verified.json().may.verify).toBe(false);

    const timeline = verified.json().timeline;
    expect(timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'created',
      'status_changed',
      'progress_reported',
      'evidence_added',
      'status_changed',
      'evidence_added',
      'completion_verified',
    ]);
    expect(timeline[1]).toMatchObject({
      from: 'planned',
      to: 'in_progress',
      byName: 'Sergeant Dana Reyes',
      byOfficer: true,
    });
    expect(timeline[0]).toMatchObject({ byOfficer: false });
    expect(timeline[3].evidence.links).toEqual(['https://example.org/draft-policy']);
    expect(timeline[6]).toMatchObject({ reason: 'Checked the page on the website.' });

    const audited = await test.context.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetType, 'commitment'), eq(auditEvents.targetId, commitment.id)),
      );
    expect(audited.map((event) => event.action)).toEqual([
      'commitment.created',
      'commitment.changed',
      'commitment.changed',
      'commitment.changed',
    ]);
  });

  it('refuses bad input with a message on the field, and keeps what was saved', async () => {
    const pastDue = await call(
      coordinator,
      'POST',
      `/api/programs/${programId}/commitments`,
      meeting({ dueOn: addDays(today, -1) }),
    );
    expect(pastDue.statusCode).toBe(400);
    expect(fieldsOf(pastDue)).toEqual(['dueOn']);

    const impossibleDay = await call(
      coordinator,
      'POST',
      `/api/programs/${programId}/commitments`,
      meeting({ dueOn: '2027-02-30' }),
    );
    expect(fieldsOf(impossibleDay)).toEqual(['dueOn']);

    for (const owner of [
      { kind: 'person', personId: crypto.randomUUID() },
      { kind: 'person', personId: stranger.personId },
      { kind: 'organisation', organisationId: crypto.randomUUID(), unit: '' },
    ]) {
      const unknownOwner = await call(
        coordinator,
        'POST',
        `/api/programs/${programId}/commitments`,
        meeting({ owner }),
      );
      expect(unknownOwner.statusCode).toBe(400);
      expect(fieldsOf(unknownOwner)).toEqual(['owner']);
    }

    const oversized = await call(
      coordinator,
      'POST',
      `/api/programs/${programId}/commitments`,
      meeting({ title: 'x'.repeat(161), description: 'y'.repeat(4_001) }),
    );
    expect(oversized.statusCode).toBe(400);
    expect(fieldsOf(oversized).sort()).toEqual(['description', 'title']);

    // A circle's, a conference's or a dialogue's commitments are recorded by those features.
    const byHandFromCircle = await call(
      coordinator,
      'POST',
      `/api/programs/${programId}/commitments`,
      meeting({ source: 'circle', sourceId: crypto.randomUUID() }),
    );
    expect(fieldsOf(byHandFromCircle)).toEqual(['source']);

    // Done back to planned needs a reason; the refusal changes nothing.
    const commitment = await record({
      owner: { kind: 'organisation', organisationId: policeId, unit: 'Training Division' },
    });
    await call(coordinator, 'POST', `/api/commitments/${commitment.id}/updates`, {
      status: 'done',
    });
    const back = await call(coordinator, 'POST', `/api/commitments/${commitment.id}/updates`, {
      status: 'planned',
    });
    expect(back.statusCode).toBe(400);
    expect(fieldsOf(back)).toEqual(['reason']);
    expect(back.json().errors[0].code).toBe('reason_required');
    const unchanged = (await call(coordinator, 'GET', `/api/commitments/${commitment.id}`)).json();
    expect(unchanged.status).toBe('done');
    expect(unchanged.timeline).toHaveLength(2);

    const reopened = await call(coordinator, 'POST', `/api/commitments/${commitment.id}/updates`, {
      status: 'planned',
      reason: 'The training was postponed by the academy.',
    });
    expect(reopened.json()).toMatchObject({ status: 'planned' });

    const nothing = await call(
      coordinator,
      'POST',
      `/api/commitments/${commitment.id}/updates`,
      {},
    );
    expect(nothing.statusCode).toBe(400);
    const badLink = await call(coordinator, 'POST', `/api/commitments/${commitment.id}/updates`, {
      evidence: { text: '', links: ['javascript:alert(1)'] },
    });
    expect(fieldsOf(badLink)).toEqual(['evidence.links.0']);

    const silentMove = await call(
      coordinator,
      'POST',
      `/api/commitments/${commitment.id}/due-date`,
      { dueOn: addDays(today, 60), reason: '' },
    );
    expect(fieldsOf(silentMove)).toEqual(['reason']);
    const backwards = await call(
      coordinator,
      'POST',
      `/api/commitments/${commitment.id}/due-date`,
      { dueOn: addDays(today, -3), reason: 'Typo' },
    );
    expect(fieldsOf(backwards)).toEqual(['dueOn']);
    const moved = await call(coordinator, 'POST', `/api/commitments/${commitment.id}/due-date`, {
      dueOn: addDays(today, 60),
      reason: 'The academy moved the course.',
    });
    expect(moved.json().dueOn).toBe(addDays(today, 60));
  });

  it('shows a case team commitment only to the coordinators and the people named on it', async () => {
    const confidential = await record(
      {
        title: 'Meet the family to apologise in person',
        visibility: 'case_team',
      },
      facilitator,
    );
    const forProgram = await record({
      title: 'Hold a second circle in March',
      visibility: 'program',
    });

    const titlesFor = async (as: TestPerson) =>
      (await call(as, 'GET', `/api/programs/${programId}/commitments`))
        .json()
        .commitments.map((each: { title: string }) => each.title);
    expect(await titlesFor(resident)).toContain('Hold a second circle in March');
    expect(await titlesFor(resident)).not.toContain('Meet the family to apologise in person');
    expect(await titlesFor(otherOfficer)).not.toContain('Meet the family to apologise in person');
    expect(await titlesFor(coordinator)).toContain('Meet the family to apologise in person');
    expect(await titlesFor(facilitator)).toContain('Meet the family to apologise in person');
    expect((await call(resident, 'GET', `/api/commitments/${confidential.id}`)).statusCode).toBe(
      404,
    );
    expect((await call(officer, 'GET', `/api/commitments/${confidential.id}`)).statusCode).toBe(
      200,
    );
    // Residents see the organisations that answer for a commitment, never a person's name.
    const asResident = (await call(resident, 'GET', `/api/commitments/${forProgram.id}`)).json();
    expect(asResident.owner).toMatchObject({ person: null });
    expect(asResident.timeline.every((entry: { byName: null }) => entry.byName === null)).toBe(
      true,
    );
    const residentsList = (
      await call(resident, 'GET', `/api/programs/${programId}/commitments`)
    ).json();
    expect(JSON.stringify(residentsList)).not.toContain('Sergeant Dana Reyes');
    expect(residentsList).toMatchObject({ mayCreate: false, mayExport: false });
    expect(
      (await call(coordinator, 'GET', `/api/programs/${programId}/commitments`)).json(),
    ).toMatchObject({ mayCreate: true, mayExport: true });
    expect((await call(resident, 'GET', `/api/commitments/${forProgram.id}`)).json().may).toEqual({
      report: false,
      verify: false,
      moveDueDate: false,
    });
    expect((await call(stranger, 'GET', `/api/commitments/${forProgram.id}`)).statusCode).toBe(403);
    expect((await call(stranger, 'GET', `/api/programs/${programId}/commitments`)).statusCode).toBe(
      403,
    );
  });

  it('lets only the owner and coordinators report, and flags what is overdue', async () => {
    const commitment = await record({ title: 'Review the complaint form with residents' });
    const notTheirs = await call(
      otherOfficer,
      'POST',
      `/api/commitments/${commitment.id}/updates`,
      { percent: 10 },
    );
    expect(notTheirs.statusCode).toBe(403);
    const byFacilitator = await call(
      facilitator,
      'POST',
      `/api/commitments/${commitment.id}/verify`,
      {},
    );
    expect(byFacilitator.statusCode).toBe(403);

    // Its due day passes with the work still open.
    await test.context.database.db
      .update(commitments)
      .set({ dueOn: addDays(today, -2) })
      .where(eq(commitments.id, commitment.id));
    const overdue = (
      await call(coordinator, 'GET', `/api/programs/${programId}/commitments?due=overdue`)
    ).json();
    expect(overdue.commitments.map((each: { id: string }) => each.id)).toEqual([commitment.id]);
    expect(overdue.commitments[0].overdue).toBe(true);
    const mine = (await call(officer, 'GET', '/api/commitments/mine')).json();
    expect(mine.commitments[0]).toMatchObject({ id: commitment.id, overdue: true });

    const done = (
      await call(coordinator, 'GET', `/api/programs/${programId}/commitments?status=done`)
    ).json();
    expect(done.commitments.every((each: { status: string }) => each.status === 'done')).toBe(true);
    const badFilter = await call(
      coordinator,
      'GET',
      `/api/programs/${programId}/commitments?due=someday`,
    );
    expect(badFilter.statusCode).toBe(400);
  });

  it('offers the people and organisations of the program as owners', async () => {
    const choices = (
      await call(coordinator, 'GET', `/api/programs/${programId}/commitment-owners`)
    ).json();
    expect(choices.organisations.map((each: { name: string }) => each.name)).toEqual([
      'Eastside Community Trust',
      'Eastside Police Department',
    ]);
    const officerChoice = choices.people.find(
      (each: { id: string }) => each.id === officer.personId,
    );
    expect(officerChoice).toMatchObject({
      officer: true,
      organisation: { name: 'Eastside Police Department' },
    });
    expect(choices.people.map((each: { id: string }) => each.id)).not.toContain(stranger.personId);
    expect(
      (await call(resident, 'GET', `/api/programs/${programId}/commitment-owners`)).statusCode,
    ).toBe(403);
  });

  it('exports what the person may see as a spreadsheet, never a case team’s commitments', async () => {
    await record({ title: 'Walk the Elm Street beat with residents', visibility: 'program' });
    await record({ title: 'Apologise to the Morales family in person', visibility: 'case_team' });
    const exported = await call(
      coordinator,
      'GET',
      `/api/programs/${programId}/commitments/export`,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body).toContain('"Walk the Elm Street beat with residents"');
    expect(exported.body).toContain('"Sergeant Dana Reyes"');
    expect(exported.body).not.toContain('Morales');
    const filtered = await call(
      coordinator,
      'GET',
      `/api/programs/${programId}/commitments/export?status=changed`,
    );
    expect(filtered.body).not.toContain('Walk the Elm Street beat');
    expect(
      (await call(resident, 'GET', `/api/programs/${programId}/commitments/export`)).statusCode,
    ).toBe(403);
  });

  it('tells the followers of the public register when the owner reports, and only for public ones', async () => {
    const follower = 'neighbour@example.org';
    const subscribed = await test.app.inject({
      method: 'POST',
      url: `/register/programs/${programId}/subscriptions`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: test.context.config.publicUrl,
      },
      payload: new URLSearchParams({ email: follower, lang: 'en' }).toString(),
    });
    expect(subscribed.statusCode).toBe(200);
    const { db } = test.context.database;
    const [confirmation] = (await latestOutboxMessages(db, 50)).filter(
      (message) => message.toAddress === follower,
    );
    const opened = await readOutboxMessage(db, test.context.cipher, confirmation?.id ?? 0);
    const confirmLink = opened?.textBody.match(
      /https?:\/\/\S+\/register\/subscriptions\/confirm\?\S+/,
    )?.[0];
    expect(confirmLink).toBeDefined();
    const confirmed = await test.app.inject({
      method: 'POST',
      url: (confirmLink ?? '').replace(test.context.config.publicUrl, ''),
      headers: { origin: test.context.config.publicUrl },
    });
    expect(confirmed.statusCode).toBe(200);
    await runJobs();
    const updatesBefore = await updatesTo(follower);

    const open = await record({ title: 'Post the quarterly stop figures' });
    const hidden = await record({ title: 'Review the Elm Street stop', visibility: 'program' });
    await call(officer, 'POST', `/api/commitments/${open.id}/updates`, {
      status: 'in_progress',
      evidence: { text: 'The first quarter is on the website.', links: [] },
    });
    await call(coordinator, 'POST', `/api/commitments/${hidden.id}/updates`, {
      status: 'in_progress',
    });
    await runJobs();
    const updates = (await updatesTo(follower)).slice(updatesBefore.length);
    // One email for the new commitment, one for the owner's report with its evidence (each its
    // own job, in either order); none for the commitment the public may not see.
    expect(updates.map((message) => message.subject).sort()).toEqual([
      'New commitment: Post the quarterly stop figures',
      'Status: In progress: Post the quarterly stop figures',
    ]);
    const reported = updates.find((message) => message.subject.startsWith('Status:'));
    const report = await readOutboxMessage(db, test.context.cipher, reported?.id ?? 0);
    expect(report?.textBody).toContain('The first quarter is on the website.');
  });
});

async function runJobs() {
  while ((await test.context.jobs.runDue()) > 0) {}
}

async function updatesTo(address: string) {
  return (await latestOutboxMessages(test.context.database.db, 500))
    .filter((message) => message.toAddress === address && message.template === 'register-update')
    .reverse();
}
