import type { Phase, RoleGroup } from '../../../shared/measurement/contract.ts';
import { findItem, type SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { scoreResponse, trustIndex } from '../../../shared/measurement/scoring.ts';
import { GROUP_THRESHOLD_DEFAULT } from '../../../shared/measurement/survey-definition.ts';
import type { Database } from '../../platform/db/connection.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { conferenceItems } from '../conferences/schema.ts';
import { insertCase } from '../conferences/testing.ts';
import { demoActor } from '../organisations/demo.ts';
import { createProgram } from '../organisations/programs.ts';
import { surveyAnswers, surveyInvitations, surveyResponses, surveys } from './schema.ts';
import { rebuildTallies } from './tallies.ts';

// Test data for the dashboards, written straight into the tables as the answering side stores
// it (store-response.ts): a survey, and responses scored by shared/measurement/scoring.ts. Each
// response answers every item of its survey so that each construct scores `score` (a reverse
// item is answered the other way round), which makes the expected figures easy to work out.
// Written in bulk, the responses are then tallied as a bulk load is (tallies.ts).

/** Bank items of each kind: the four trust constructs and two more. */
export const itemsOf: Record<SurveyKind, string[]> = {
  pulse: [
    'respect.dignity',
    'voice.listens',
    'neutrality.fair_decisions',
    'motives.cares',
    'safety.night',
    'reporting.report_crime',
  ],
  after_process: [
    'respect.in_meeting',
    'voice.in_meeting',
    'neutrality.in_meeting',
    'motives.in_meeting',
    'heard.listened',
    'safety.in_meeting',
  ],
  training: [
    'respect.stays_polite',
    'voice.values_residents',
    'neutrality.gives_reasons',
    'motives.trust_is_my_job',
    'safety.de_escalation',
  ],
};

export interface TestSurvey {
  id: string;
  programId: string;
  kind: SurveyKind;
  items: string[];
}

export async function insertSurvey(
  db: Database,
  survey: {
    programId: string;
    kind: SurveyKind;
    createdBy: string;
    threshold?: number;
    neighbourhoods?: string[];
  },
): Promise<TestSurvey> {
  const id = crypto.randomUUID();
  const items = itemsOf[survey.kind];
  await db.insert(surveys).values({
    id,
    programId: survey.programId,
    kind: survey.kind,
    title: { en: `A ${survey.kind} survey`, es: `Una encuesta (${survey.kind})` },
    items,
    customQuestions: [],
    languages: ['en', 'es'],
    threshold: survey.threshold ?? GROUP_THRESHOLD_DEFAULT,
    neighbourhoods: survey.neighbourhoods ?? [],
    opensAt: new Date('2020-01-01T00:00:00Z'),
    createdBy: survey.createdBy,
  });
  return { id, programId: survey.programId, kind: survey.kind, items };
}

export interface TestResponse {
  day: string;
  /** What every construct scores, 1 to 5. */
  score: number;
  roleGroup?: RoleGroup | null;
  neighbourhood?: string | null;
  phase?: Phase | null;
}

/** `count` responses alike. */
export const alike = (count: number, response: TestResponse): TestResponse[] =>
  Array.from({ length: count }, () => ({ ...response }));

export async function insertResponses(
  db: Database,
  survey: TestSurvey,
  responses: readonly TestResponse[],
): Promise<void> {
  if (responses.length === 0) return;
  const rows = responses.map((response) => {
    const answers = Object.fromEntries(
      survey.items.map((id) => [id, findItem(id)?.reverse ? 6 - response.score : response.score]),
    );
    const shared = {
      surveyId: survey.id,
      programId: survey.programId,
      kind: survey.kind,
      submittedOn: response.day,
      roleGroup: response.roleGroup ?? null,
      neighbourhood: response.neighbourhood ?? null,
      phase: response.phase ?? null,
    };
    const id = crypto.randomUUID();
    return {
      response: {
        id,
        ...shared,
        language: 'en',
        trustIndex: trustIndex(scoreResponse(survey.items, answers)),
      },
      answers: survey.items.map((questionId) => ({
        responseId: id,
        questionId,
        ...shared,
        construct: findItem(questionId)?.construct ?? null,
        value: answers[questionId] ?? null,
        score: response.score,
        choice: null,
      })),
    };
  });
  await db.insert(surveyResponses).values(rows.map((row) => row.response));
  await db.insert(surveyAnswers).values(rows.flatMap((row) => row.answers));
  await rebuildTallies(db, survey.programId);
}

/** Tokens mailed after a circle on `day`, `answered` of them used. */
export async function insertInvitations(
  db: Database,
  survey: TestSurvey,
  day: string,
  sent: number,
  answered: number,
): Promise<void> {
  await db.insert(surveyInvitations).values(
    Array.from({ length: sent }, (_, index) => ({
      id: crypto.randomUUID(),
      surveyId: survey.id,
      tokenHash: crypto.randomUUID(),
      processKind: 'circle',
      processId: crypto.randomUUID(),
      answered: index < answered,
      sentOn: day,
      expiresAt: new Date(`${day}T00:00:00Z`),
    })),
  );
}

/** A conference of the program with agreement items due on the given days, done or not. */
export async function insertAgreementItems(
  test: TestApp,
  world: DashboardWorld,
  items: readonly { dueOn: string; done: boolean }[],
): Promise<void> {
  const { db } = test.context.database;
  const { conferenceId } = await insertCase(
    { db, cipher: test.context.cipher },
    { programId: world.programId },
  );
  await db.insert(conferenceItems).values(
    items.map((item) => ({
      id: crypto.randomUUID(),
      conferenceId,
      kind: 'apology',
      descriptionSealed: 'sealed',
      responsibleOrganisationId: world.organisationId,
      dueOn: item.dueOn,
      verificationSealed: 'sealed',
      status: item.done ? 'done' : 'open',
      createdBy: world.coordinator.personId,
    })),
  );
}

export interface DashboardWorld {
  organisationId: string;
  programId: string;
  admin: TestPerson;
  coordinator: TestPerson;
  facilitator: TestPerson;
  reviewer: TestPerson;
  resident: TestPerson;
}

/** An organisation running one program, with someone in each role that matters here. */
export async function buildDashboardWorld(
  test: TestApp,
  name = 'Eastside Community Trust',
): Promise<DashboardWorld> {
  const { db } = test.context.database;
  const organisationId = await addOrganisation(test, name);
  const admin = await addSignedInPerson(test, { organisationId, role: 'org_admin' });
  const program = await createProgram(
    db,
    await demoActor(test.context, { id: admin.personId, name: 'Admin', email: admin.email }),
    organisationId,
    { name: 'Listening circles on the east side', description: '', partners: [] },
  );
  const inProgram = (role: 'coordinator' | 'facilitator' | 'oversight_reviewer' | 'resident') =>
    addSignedInPerson(test, { organisationId, role, programId: program.id });
  return {
    organisationId,
    programId: program.id,
    admin,
    coordinator: await inProgram('coordinator'),
    facilitator: await inProgram('facilitator'),
    reviewer: await inProgram('oversight_reviewer'),
    resident: await inProgram('resident'),
  };
}
