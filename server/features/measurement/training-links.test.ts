import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDetail, SurveyToAnswer } from '../../../shared/measurement/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { surveyResponses } from './schema.ts';
import {
  answerUrl,
  buildMeasurementWorld,
  type MeasurementWorld,
  setUpAnsweringPulse,
  setUpSurvey,
  startByLink,
  submitAnswer,
} from './testing-world.ts';

// A training survey's two public links: the trainer shows the before link as the training
// starts and the after link as it ends. Each answer is marked with its side, so that the
// dashboard can compare them, and nothing else about the person is kept.

let test: TestApp;
let world: MeasurementWorld;
let training: SurveyDetail;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildMeasurementWorld(test);
  training = await setUpSurvey(test, world, {
    kind: 'training',
    title: { en: 'De-escalation training', es: 'Capacitación en desescalada' },
    items: ['respect.stays_polite', 'voice.values_residents'],
    customQuestions: [],
    neighbourhoods: [],
  });
});
afterAll(async () => {
  await test.close();
});

const start = (slug: string, body?: object) =>
  send(test, undefined, 'POST', `/api/pulse/${slug}/start`, body);
const slugOf = (survey: SurveyDetail) =>
  (survey.phaseUrls?.before ?? survey.publicUrl ?? '').split('/pulse/')[1]?.split('/')[0] ?? '';

describe('a training survey’s before and after links', () => {
  it('gives the coordinator one link for before the training and one for after', () => {
    expect(training.publicUrl).toBeNull();
    expect(training.phaseUrls?.before).toMatch(/\/pulse\/[\w-]+\/before$/);
    expect(training.phaseUrls?.after).toBe(training.phaseUrls?.before.replace(/before$/, 'after'));
  });

  it('marks each answer with the side of the training it was given on', async () => {
    for (const phase of ['before', 'after'] as const) {
      const token = await startByLink(test, training.phaseUrls?.[phase] ?? null);
      const read = await send(test, undefined, 'GET', `${answerUrl(token)}?language=es`);
      expect(read.statusCode, read.body).toBe(200);
      const survey: SurveyToAnswer = read.json();
      expect(survey).toMatchObject({
        kind: 'training',
        phase,
        title: 'Capacitación en desescalada',
        asksRoleGroup: true,
        neighbourhoods: [],
      });
      const answered = await submitAnswer(test, token, {
        language: 'es',
        scales: { 'respect.stays_polite': phase === 'before' ? 2 : 4 },
        roleGroup: 'officer',
      });
      expect(answered.statusCode, answered.body).toBe(200);
    }
    const stored = await test.context.database.db
      .select({ phase: surveyResponses.phase, roleGroup: surveyResponses.roleGroup })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, training.id));
    expect(stored).toEqual(
      expect.arrayContaining([
        { phase: 'before', roleGroup: 'officer' },
        { phase: 'after', roleGroup: 'officer' },
      ]),
    );
    expect(stored).toHaveLength(2);
  });

  it('refuses a training link with no side, or an unknown one, and a pulse link with a side', async () => {
    const sideless = await start(slugOf(training));
    expect(sideless.statusCode).toBe(400);
    expect(sideless.json().errors).toEqual([
      expect.objectContaining({ field: 'phase', code: 'phase_required' }),
    ]);
    const during = await start(slugOf(training), { phase: 'during' });
    expect(during.statusCode).toBe(400);
    expect(during.json().errors[0]).toMatchObject({ field: 'phase' });
    expect(during.json().errors[0].message).toMatch(/before or after/);

    const pulse = await setUpAnsweringPulse(test, world);
    const pulseWithSide = await start(slugOf(pulse), { phase: 'before' });
    expect(pulseWithSide.statusCode).toBe(400);
    expect(pulseWithSide.json().errors).toEqual([
      expect.objectContaining({ field: 'phase', code: 'not_training' }),
    ]);
    const plainPulse = await start(slugOf(pulse));
    expect(plainPulse.statusCode, plainPulse.body).toBe(201);
  });
});
