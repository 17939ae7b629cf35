import { count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type {
  AnswerBody,
  CreateSurveyBody,
  SurveyDetail,
} from '../../../shared/measurement/contract.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createOrganisation } from '../organisations/service.ts';
import { surveyResponses } from './schema.ts';
import { surveyBody } from './testing.ts';

// What the measurement HTTP tests share: a program run by a community organisation and a police
// agency, with support lines, its people, and a survey set up through the API.

export interface MeasurementWorld {
  programId: string;
  /** The community organisation that leads the program. */
  communityId: string;
  programName: string;
  /** Sets surveys up (`measurement.manage`). */
  coordinator: TestPerson;
  /** Reads them (`measurement.read`), changes nothing. */
  facilitator: TestPerson;
  officer: TestPerson;
  resident: TestPerson;
  /** Staff of an organisation that runs nothing with this program. */
  outsider: TestPerson;
}

export const SUPPORT = 'Crisis line: 988\nVictim services: 555-0100';
export const PROGRAM_NAME = 'Elm Street trust';

export async function buildMeasurementWorld(test: TestApp): Promise<MeasurementWorld> {
  const { db } = test.context.database;
  const community = await createOrganisation(db, {
    name: 'Elm Street Neighbours',
    kind: 'community_organisation',
  });
  const police = await createOrganisation(db, {
    name: 'Elm Street Police',
    kind: 'police_agency',
  });
  const elsewhere = await createOrganisation(db, { name: 'Hillside Trust', kind: 'school' });
  const admin = await addSignedInPerson(test, { organisationId: community, role: 'org_admin' });
  const created = await send(test, admin, 'POST', `/api/organisations/${community}/programs`, {
    name: PROGRAM_NAME,
    partners: [{ organisationId: police }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const programId: string = created.json().id;
  const patched = await send(test, admin, 'PATCH', `/api/programs/${programId}`, {
    supportResources: SUPPORT,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  const inProgram = (organisationId: string, role: 'coordinator' | 'facilitator' | 'resident') =>
    addSignedInPerson(test, { organisationId, role, programId });
  return {
    programId,
    communityId: community,
    programName: PROGRAM_NAME,
    coordinator: await inProgram(community, 'coordinator'),
    facilitator: await inProgram(community, 'facilitator'),
    officer: await addSignedInPerson(test, { organisationId: police, role: 'officer', programId }),
    resident: await withName(test, await inProgram(community, 'resident'), 'Rosa Medina', 'es'),
    outsider: await addSignedInPerson(test, { organisationId: elsewhere, role: 'coordinator' }),
  };
}

/** Sets a survey up through the API, as the world's coordinator. */
export async function setUpSurvey(
  test: TestApp,
  world: MeasurementWorld,
  overrides: Partial<CreateSurveyBody> = {},
): Promise<SurveyDetail> {
  const answer = await send(
    test,
    world.coordinator,
    'POST',
    `/api/programs/${world.programId}/surveys`,
    surveyBody(overrides),
  );
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json();
}

/**
 * Starts a survey by its public link (a pulse's, or a training's before or after link), as a
 * visitor with no account, and returns the token.
 */
export async function startByLink(test: TestApp, publicUrl: string | null): Promise<string> {
  const [slug, phase] = publicUrl?.split('/pulse/')[1]?.split('/') ?? [];
  const body = phase ? { phase } : undefined;
  const started = await send(test, undefined, 'POST', `/api/pulse/${slug}/start`, body);
  expect(started.statusCode, started.body).toBe(201);
  return started.json().token;
}

export const ANSWERING_ITEMS = [
  'respect.dignity',
  'voice.listens',
  'neutrality.fair_decisions',
  'motives.cares',
  'safety.crime_worry',
];

/** A pulse with a reverse-scored item, a choice, a required scale of its own and a text. */
export const setUpAnsweringPulse = (test: TestApp, world: MeasurementWorld) =>
  setUpSurvey(test, world, {
    items: ANSWERING_ITEMS,
    customQuestions: [
      ...(surveyBody().customQuestions ?? []),
      {
        type: 'scale',
        id: 'walk',
        prompt: { en: 'I would walk Elm Street alone.', es: 'Caminaría sola por Elm Street.' },
        scale: 'agreement',
        required: true,
      },
      {
        type: 'short_text',
        id: 'change',
        prompt: { en: 'What one thing should change?', es: '¿Qué debería cambiar?' },
        maxLength: 200,
      },
    ],
  });

/** A whole answer to that pulse, in Spanish, from a resident of Elm Street. */
export const goodAnswer: AnswerBody = {
  language: 'es',
  scales: {
    'respect.dignity': 4,
    'voice.listens': 5,
    'neutrality.fair_decisions': 3,
    'motives.cares': 4,
    'safety.crime_worry': 2,
    walk: 3,
  },
  choices: { lighting: 'no' },
  texts: { change: 'Más luces en la calle Elm.' },
  roleGroup: 'resident',
  neighbourhood: 'Elm Street',
};

export const answerUrl = (token: string) => `/api/survey-answer/${token}`;

/** Sends answers by a token, as a visitor with no account. */
export const submitAnswer = (test: TestApp, token: string, body: AnswerBody) =>
  send(test, undefined, 'POST', answerUrl(token), body);

export async function responsesTo(test: TestApp, surveyId: string): Promise<number> {
  const [row] = await test.context.database.db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return row?.n ?? 0;
}
