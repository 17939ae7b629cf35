import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDetail } from '../../../shared/measurement/contract.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { surveys } from './schema.ts';
import { surveyBody } from './testing.ts';
import { buildMeasurementWorld, type MeasurementWorld, setUpSurvey } from './testing-world.ts';

// Setting up a survey: who may, what is refused with which field, changing and closing it, and
// what the audit trail keeps (ids and field names, never the questions' words).

let test: TestApp;
let world: MeasurementWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildMeasurementWorld(test);
});
afterAll(async () => {
  await test.close();
});

const db = () => test.context.database.db;
const surveyCount = async () => (await db().select({ n: count() }).from(surveys))[0]?.n ?? 0;
const fieldsOf = (body: string) =>
  (JSON.parse(body).errors as { field: string }[]).map((error) => error.field);

describe('setting up a survey', () => {
  it('makes a pulse open now with a public link on the installation, and audits it without words', async () => {
    const survey = await setUpSurvey(test, world);
    const slug = survey.publicUrl?.split('/pulse/')[1] ?? '';
    expect(survey).toMatchObject({
      programId: world.programId,
      kind: 'pulse',
      state: 'open',
      responses: 0,
      invitations: { sent: 0, answered: 0 },
      canManage: true,
      threshold: 10,
      neighbourhoods: ['Elm Street', 'Riverside'],
      publicUrl: `${test.context.config.publicUrl}/pulse/${slug}`,
    });
    expect(slug).toMatch(/^[\w-]{12}$/);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, survey.id));
    expect(audit).toMatchObject({ action: 'survey.created', outcome: 'succeeded' });
    expect(JSON.stringify(audit?.details)).not.toMatch(/Elm|lit at night/);
  });

  it('gives a survey sent after a process no public link, and one set to open later is upcoming', async () => {
    const survey = await setUpSurvey(test, world, {
      kind: 'after_process',
      items: ['respect.in_meeting', 'voice.in_meeting'],
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(survey).toMatchObject({ kind: 'after_process', state: 'upcoming', publicUrl: null });
  });

  it('refuses a survey with a field message for each fault, saving nothing', async () => {
    const before = await surveyCount();
    const cases: [object, string][] = [
      [{ items: ['respect.dignity', 'no.such_item'] }, 'items.1'],
      [{ items: ['respect.in_meeting'] }, 'items.0'],
      [{ title: { en: 'Only in English' } }, 'title.es'],
      [
        {
          opensAt: new Date(Date.now() + 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
        'closesAt',
      ],
      [{ closesAt: new Date(Date.now() - 30_000).toISOString() }, 'closesAt'],
      [{ languages: [] }, 'languages'],
      [{ neighbourhoods: ['Elm Street', 'Elm Street'] }, 'neighbourhoods'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await send(
        test,
        world.coordinator,
        'POST',
        `/api/programs/${world.programId}/surveys`,
        surveyBody(overrides),
      );
      expect(answer.statusCode, answer.body).toBe(400);
      expect(fieldsOf(answer.body)).toContain(field);
    }
    expect(await surveyCount()).toBe(before);
  });

  it('lets a facilitator read the surveys but not set one up, and keeps them from other organisations', async () => {
    const survey = await setUpSurvey(test, world);
    const listed = await send(
      test,
      world.facilitator,
      'GET',
      `/api/programs/${world.programId}/surveys`,
    );
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((each: { id: string }) => each.id)).toContain(survey.id);
    const read = await send(test, world.facilitator, 'GET', `/api/surveys/${survey.id}`);
    expect(read.json()).toMatchObject({ id: survey.id, canManage: false });
    const created = await send(
      test,
      world.facilitator,
      'POST',
      `/api/programs/${world.programId}/surveys`,
      surveyBody(),
    );
    expect(created.statusCode).toBe(403);
    for (const as of [world.outsider, world.resident]) {
      expect((await send(test, as, 'GET', `/api/surveys/${survey.id}`)).statusCode).toBe(403);
    }
    // A survey that does not exist is refused like one of another program: no one learns which.
    const unknown = await send(test, world.coordinator, 'GET', '/api/surveys/no-such-survey');
    expect(unknown.statusCode).toBe(403);
  });
});

describe('changing and closing a survey', () => {
  it('changes the title, closing date and neighbourhoods, and refuses a close before the opening', async () => {
    const survey = await setUpSurvey(test, world);
    const changed = await send(test, world.coordinator, 'PATCH', `/api/surveys/${survey.id}`, {
      title: { en: 'Elm Street, one year on', es: 'Elm Street, un año después' },
      closesAt: null,
      neighbourhoods: ['Elm Street'],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      title: { en: 'Elm Street, one year on' },
      closesAt: null,
      neighbourhoods: ['Elm Street'],
      state: 'open',
    });
    const early = await send(test, world.coordinator, 'PATCH', `/api/surveys/${survey.id}`, {
      closesAt: new Date(Date.parse(survey.opensAt) - 60_000).toISOString(),
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['closesAt']);
    const halfTitle = await send(test, world.coordinator, 'PATCH', `/api/surveys/${survey.id}`, {
      title: { es: 'Solo en español' },
    });
    expect(fieldsOf(halfTitle.body)).toEqual(['title.en']);
    const reread = await send(test, world.coordinator, 'GET', `/api/surveys/${survey.id}`);
    expect((reread.json() as SurveyDetail).title.en).toBe('Elm Street, one year on');
    const byReader = await send(test, world.facilitator, 'PATCH', `/api/surveys/${survey.id}`, {
      closesAt: null,
    });
    expect(byReader.statusCode).toBe(403);
  });

  it('closes a survey now, once', async () => {
    const survey = await setUpSurvey(test, world);
    const closed = await send(test, world.coordinator, 'POST', `/api/surveys/${survey.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    expect(Date.now() - Date.parse(closed.json().closesAt)).toBeGreaterThanOrEqual(0);
    const again = await send(test, world.coordinator, 'POST', `/api/surveys/${survey.id}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/closed already/);
    // Opened again, one more answer and a second close would let its results be subtracted.
    const reopened = await send(test, world.coordinator, 'PATCH', `/api/surveys/${survey.id}`, {
      closesAt: null,
    });
    expect(reopened.statusCode).toBe(400);
    expect(fieldsOf(reopened.body)).toEqual(['closesAt']);
  });

  it('closes an upcoming survey so that it never opens', async () => {
    const survey = await setUpSurvey(test, world, {
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const closed = await send(test, world.coordinator, 'POST', `/api/surveys/${survey.id}/close`);
    expect(closed.json().state).toBe('closed');
  });
});
