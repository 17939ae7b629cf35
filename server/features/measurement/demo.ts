import { eq } from 'drizzle-orm';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { Phase, RoleGroup } from '../../../shared/measurement/contract.ts';
import { findItem, itemsFor, type SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { lastEndedQuarter, quarterBounds } from '../../../shared/measurement/quarters.ts';
import type { AppContext } from '../../platform/context.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import type { SurveyRow } from './access.ts';
import { checkAnswer } from './answer-check.ts';
import { surveyInvitations, surveys } from './schema.ts';
import { storeResponse } from './store-response.ts';
import { createSurvey } from './surveys.ts';
import { newSurveyToken } from './tokens.ts';

// The demo's measurement: in the listening circles' program, a standing community pulse in
// English and Spanish (on posters in four neighbourhoods) answered over the last six quarters,
// with trust rising slowly as the circles went on, and a survey after each circle, sent to
// 40 people over the last five months, of whom most answered. A procedural-justice training
// last quarter was surveyed by its before and after links: officers answered both, and the
// dashboard compares them. Answers come from a fixed seed:
// every demo shows the same figures, enough in each quarter to be shown, and a neighbourhood
// too small to be.

const NEIGHBOURHOODS = ['Eastside', 'Riverside', 'Old Town', 'Hillcrest'];
/** Pulse answers per quarter, oldest first, and the mean answer each quarter leans to. */
const PULSE_QUARTERS = [
  { answers: 24, lean: 2.8 },
  { answers: 31, lean: 2.9 },
  { answers: 28, lean: 3.1 },
  { answers: 36, lean: 3.2 },
  { answers: 33, lean: 3.4 },
  { answers: 22, lean: 3.5 },
];

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An answer from 1 to 5 around `lean`; a reverse item leans the other way. */
function answerNear(random: () => number, lean: number, reverse: boolean): number {
  const spread = (random() + random() + random() - 1.5) * 2.2;
  const value = Math.min(5, Math.max(1, Math.round(lean + spread)));
  return reverse ? 6 - value : value;
}

async function surveyRow(context: AppContext, id: string): Promise<SurveyRow> {
  const [row] = await context.database.db.select().from(surveys).where(eq(surveys.id, id));
  if (!row) throw new Error('the demo survey was not saved');
  return row;
}

async function answer(
  context: AppContext,
  survey: SurveyRow,
  answered: {
    day: string;
    lean: number;
    roleGroup: RoleGroup | null;
    neighbourhood: string | null;
    phase?: Phase;
  },
  random: () => number,
): Promise<void> {
  const scales = Object.fromEntries(
    survey.items.map((id) => [
      id,
      answerNear(random, answered.lean, findItem(id)?.reverse ?? false),
    ]),
  );
  // After a circle the seat gives the role group; a public link asks it.
  const invitation = {
    processKind: survey.kind === 'after_process' ? ('circle' as const) : null,
    processId: null,
    phase: answered.phase ?? null,
    roleGroup: survey.kind === 'after_process' ? answered.roleGroup : null,
  };
  const checked = checkAnswer(survey, invitation, {
    language: random() < 0.35 ? 'es' : 'en',
    scales,
    choices: {},
    texts: {},
    roleGroup: survey.kind === 'after_process' ? null : answered.roleGroup,
    neighbourhood: answered.neighbourhood,
  });
  await context.database.db.transaction((tx) =>
    storeResponse(tx, context.cipher, survey, invitation, checked, answered.day),
  );
}

const itemIds = (kind: SurveyKind, count: number) =>
  itemsFor(kind)
    .slice(0, count)
    .map((item) => item.id);

export async function seedMeasurementDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<{ pulseUrl: string }> {
  const coordinator = world.circlesCoordinator;
  const programId = world.circles.id;
  const today = dayIn('UTC');
  const random = seeded(9);
  const opened = new Date(Date.parse(`${addDays(today, -560)}T12:00:00Z`)).toISOString();
  const pulse = await createSurvey(context, coordinator, programId, {
    kind: 'pulse',
    title: {
      en: 'Safety and trust in our neighbourhoods',
      es: 'Seguridad y confianza en nuestros barrios',
    },
    items: itemIds('pulse', 10),
    customQuestions: [],
    languages: ['en', 'es'],
    threshold: 10,
    opensAt: opened,
    closesAt: null,
    neighbourhoods: NEIGHBOURHOODS,
  });
  const pulseRow = await surveyRow(context, pulse.id);
  for (const [index, quarter] of PULSE_QUARTERS.entries()) {
    const quartersBack = PULSE_QUARTERS.length - 1 - index;
    for (let n = 0; n < quarter.answers; n += 1) {
      const draw = random();
      await answer(
        context,
        pulseRow,
        {
          day: addDays(today, -(quartersBack * 91 + Math.floor(random() * 80))),
          lean: quarter.lean,
          roleGroup: draw < 0.78 ? 'resident' : draw < 0.9 ? 'officer' : null,
          // Hillcrest is small: its figures stay hidden, as the rule wants.
          neighbourhood:
            draw < 0.05 ? 'Hillcrest' : (NEIGHBOURHOODS[Math.floor(random() * 3)] ?? null),
        },
        random,
      );
    }
  }

  const afterCircles = await createSurvey(context, coordinator, programId, {
    kind: 'after_process',
    title: { en: 'After the circle', es: 'Después del círculo' },
    items: itemIds('after_process', 8),
    customQuestions: [],
    languages: ['en', 'es'],
    threshold: 10,
    opensAt: opened,
    closesAt: null,
    neighbourhoods: [],
  });
  const afterRow = await surveyRow(context, afterCircles.id);
  const sent = 40;
  const answeredCount = 29;
  await context.database.db.insert(surveyInvitations).values(
    Array.from({ length: sent }, (_, index) => ({
      id: crypto.randomUUID(),
      surveyId: afterRow.id,
      tokenHash: newSurveyToken().tokenHash,
      processKind: 'circle',
      processId: null,
      roleGroup: index % 4 === 0 ? 'officer' : 'resident',
      answered: index < answeredCount,
      sentOn: addDays(today, -Math.floor(index * 3.5)),
      expiresAt: new Date(Date.now() - 86_400_000),
    })),
  );
  for (let n = 0; n < answeredCount; n += 1) {
    await answer(
      context,
      afterRow,
      {
        day: addDays(today, -n * 5),
        lean: 3.9,
        roleGroup: n % 4 === 0 ? 'officer' : 'resident',
        neighbourhood: null,
      },
      random,
    );
  }
  await seedTrainingSurvey(context, world, opened, random);
  return { pulseUrl: pulse.publicUrl ?? '' };
}

/** Officers before and after last quarter's training, answered on its two links. */
async function seedTrainingSurvey(
  context: AppContext,
  world: OrganisationsDemo,
  opened: string,
  random: () => number,
): Promise<void> {
  const training = await createSurvey(context, world.circlesCoordinator, world.circles.id, {
    kind: 'training',
    title: {
      en: 'Procedural justice training: how we listen',
      es: 'Capacitación en justicia procedimental: cómo escuchamos',
    },
    items: itemIds('training', 5),
    customQuestions: [],
    languages: ['en', 'es'],
    threshold: 10,
    opensAt: opened,
    closesAt: null,
    neighbourhoods: [],
  });
  const row = await surveyRow(context, training.id);
  const { start } = quarterBounds(lastEndedQuarter(dayIn('UTC')));
  const sides = [
    { phase: 'before' as const, answers: 18, lean: 3.0, day: addDays(start, 20) },
    { phase: 'after' as const, answers: 16, lean: 3.8, day: addDays(start, 48) },
  ];
  for (const side of sides) {
    // The links started in the room: everyone who opened one answered but two.
    await context.database.db.insert(surveyInvitations).values(
      Array.from({ length: side.answers + 2 }, (_, index) => ({
        id: crypto.randomUUID(),
        surveyId: row.id,
        tokenHash: newSurveyToken().tokenHash,
        phase: side.phase,
        answered: index < side.answers,
        sentOn: side.day,
        expiresAt: new Date(Date.now() - 86_400_000),
      })),
    );
    for (let n = 0; n < side.answers; n += 1) {
      await answer(
        context,
        row,
        {
          day: side.day,
          lean: side.lean,
          roleGroup: n % 6 === 5 ? null : 'officer',
          neighbourhood: null,
          phase: side.phase,
        },
        random,
      );
    }
  }
}
