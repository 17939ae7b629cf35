import type { MyCourse } from '../../../shared/training/contract.ts';
import type { CourseFile } from '../../../shared/training/course-file.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createOrganisation } from '../organisations/service.ts';

// What the training tests share: a small, valid course file in English and Spanish, with a
// text, a knowledge check, a two-step scenario and a reflection.

const both = (en: string, es: string) => ({ en, es });

export function trainingCourseFile(slug: string): CourseFile {
  return {
    format: 'restorativ.course',
    formatVersion: 1,
    slug,
    course: {
      title: both('Listening at the front desk', 'Escuchar en la recepción'),
      summary: both('A short course on listening.', 'Un curso breve sobre escuchar.'),
      topic: 'active_listening',
      languages: ['en', 'es'],
      minutes: 15,
      validMonths: 12,
      modules: [
        {
          id: 'm1',
          title: both('Listening', 'Escuchar'),
          lessons: [
            {
              id: 'l1',
              title: both('Why listen', 'Por qué escuchar'),
              steps: [
                {
                  type: 'text',
                  id: 's1',
                  markdown: both('Listening builds trust.', 'Escuchar crea confianza.'),
                },
                {
                  type: 'check',
                  id: 's2',
                  question: both('What comes first?', '¿Qué va primero?'),
                  multiple: false,
                  options: [
                    {
                      id: 'a',
                      label: both('Listen', 'Escuchar'),
                      correct: true,
                      feedback: both('Yes.', 'Sí.'),
                    },
                    {
                      id: 'b',
                      label: both('Argue', 'Discutir'),
                      correct: false,
                      feedback: both('Not yet.', 'Todavía no.'),
                    },
                  ],
                },
                { type: 'scenario', id: 's3', scenario: 'desk' },
                {
                  type: 'reflection',
                  id: 's4',
                  prompt: both(
                    'When were you last truly heard?',
                    '¿Cuándo le escucharon de verdad por última vez?',
                  ),
                },
              ],
            },
          ],
        },
      ],
      scenarios: [
        {
          id: 'desk',
          title: both('At the desk', 'En la recepción'),
          start: 'arrive',
          nodes: [
            {
              id: 'arrive',
              situation: both('A resident arrives, upset.', 'Llega un vecino, molesto.'),
              choices: [
                {
                  id: 'listen',
                  label: both('Listen', 'Escuchar'),
                  next: 'story',
                  consequence: both('He talks.', 'Habla.'),
                  quality: 'good',
                },
                {
                  id: 'form',
                  label: both('Hand a form', 'Dar un formulario'),
                  next: 'gone',
                  consequence: both('He leaves.', 'Se va.'),
                  quality: 'poor',
                },
              ],
            },
            {
              id: 'story',
              situation: both('He tells his story.', 'Cuenta lo que pasó.'),
              choices: [
                {
                  id: 'sum',
                  label: both('Summarise', 'Resumir'),
                  next: 'heard',
                  consequence: both('He nods.', 'Asiente.'),
                  quality: 'good',
                },
                {
                  id: 'cut',
                  label: both('Interrupt', 'Interrumpir'),
                  next: 'gone',
                  consequence: both('He leaves.', 'Se va.'),
                  quality: 'poor',
                },
              ],
            },
            {
              id: 'heard',
              situation: both('He feels heard.', 'Se siente escuchado.'),
              choices: [],
              ending: 'good',
              feedback: both('Well done.', 'Bien hecho.'),
            },
            {
              id: 'gone',
              situation: both('He leaves.', 'Se va.'),
              choices: [],
              ending: 'poor',
              feedback: both('Try again.', 'Intente de nuevo.'),
            },
          ],
        },
      ],
    },
  };
}

/** A police agency running one program, its coordinator, and a course of the program. */
export interface TrainingProgram {
  agencyId: string;
  admin: TestPerson;
  programId: string;
  coordinator: TestPerson;
  courseId: string;
}

export async function setUpTrainingProgram(
  test: TestApp,
  file: CourseFile = trainingCourseFile('front-desk'),
): Promise<TrainingProgram> {
  const agencyId = await createOrganisation(test.context.database.db, {
    name: 'Riverside Police',
    kind: 'police_agency',
  });
  const admin = await addSignedInPerson(test, { organisationId: agencyId, role: 'org_admin' });
  const program = await send(test, admin, 'POST', `/api/organisations/${agencyId}/programs`, {
    name: 'Officer training',
  });
  const programId: string = program.json().id;
  const coordinator = await addSignedInPerson(test, {
    organisationId: agencyId,
    role: 'coordinator',
  });
  const created = await send(test, coordinator, 'POST', `/api/programs/${programId}/courses`, file);
  if (created.statusCode !== 201) throw new Error(`the course was refused: ${created.body}`);
  return { agencyId, admin, programId, coordinator, courseId: created.json().id };
}

/** The learner's first assigned course, as their "My training" lists it. */
export async function firstEnrolmentOf(test: TestApp, learner: TestPerson): Promise<string> {
  const mine: MyCourse[] = (await send(test, learner, 'GET', '/api/me/training')).json();
  return mine[0]?.enrolmentId ?? '';
}
