import { dayIn } from '../../../shared/commitments/days.ts';
import type { Quarter } from '../../../shared/measurement/contract.ts';
import {
  lastEndedQuarter,
  previousQuarter,
  quarterBounds,
  quarterFromNumber,
  quarterNumber,
  quarterOf,
} from '../../../shared/measurement/quarters.ts';
import type { TestApp } from '../../testing/test-app.ts';
import {
  alike,
  type DashboardWorld,
  insertAgreementItems,
  insertInvitations,
  insertResponses,
  insertSurvey,
  type TestResponse,
} from './dashboard-testing.ts';

// The answers the dashboard tests read, built so that a careless dashboard would give a small
// group away (threshold 10 for pulses):
// - the last ended quarter, 26 pulse answers: 23 residents (14 on Elm Street, 9 who gave no neighbourhood)
//   scoring 4, and 3 officers on Riverside scoring 2. The total minus the residents would be the
//   3 officers; the total minus Elm Street is 12, Riverside's 3 with the 9 unlisted.
// - the quarter before, 17 residents: 14 on Elm Street scoring 3 and 3 on Riverside scoring 5,
//   no one unlisted, so the total minus Elm Street would be Riverside's 3.
// - three quarters back, 4 answers: too few to show at all.
// - the last ended quarter, 12 answers after circles (40 tokens sent, 30 used) and a training answered by
//   12 officers before (scoring 2) and 15 after (scoring 4), plus 6 others with no phase, under
//   the training survey's own threshold of 5.
// - 12 agreement items due in the last ended quarter, 9 of them done.

export interface Scenario {
  /** The quarter under way, whose answers give no figures until it ends. */
  current: Quarter;
  lastEnded: Quarter;
  quarterBefore: Quarter;
  threeBack: Quarter;
}

export const NEIGHBOURHOODS = ['Elm Street', 'Riverside'];

export async function insertScenario(test: TestApp, world: DashboardWorld): Promise<Scenario> {
  const { db } = test.context.database;
  // Figures are shown for ended quarters only: the scenario's latest is the last that ended.
  const current = quarterOf(dayIn('UTC'));
  const lastEnded = lastEndedQuarter(dayIn('UTC'));
  const quarterBefore = previousQuarter(lastEnded);
  const threeBack = quarterFromNumber(quarterNumber(lastEnded) - 3);
  const day = quarterBounds(lastEnded).start;
  const dayBefore = quarterBounds(quarterBefore).start;
  const createdBy = world.coordinator.personId;
  const { programId } = world;

  const pulse = await insertSurvey(db, {
    programId,
    kind: 'pulse',
    createdBy,
    neighbourhoods: NEIGHBOURHOODS,
  });
  const resident = (neighbourhood: string | null, score: number, on = day): TestResponse => ({
    day: on,
    score,
    roleGroup: 'resident',
    neighbourhood,
  });
  await insertResponses(db, pulse, [
    ...alike(14, resident('Elm Street', 4)),
    ...alike(9, resident(null, 4)),
    ...alike(3, { day, score: 2, roleGroup: 'officer', neighbourhood: 'Riverside' }),
    ...alike(14, resident('Elm Street', 3, dayBefore)),
    ...alike(3, resident('Riverside', 5, dayBefore)),
    ...alike(4, resident('Elm Street', 4, quarterBounds(threeBack).start)),
  ]);

  const afterProcess = await insertSurvey(db, { programId, kind: 'after_process', createdBy });
  await insertResponses(db, afterProcess, alike(12, { day, score: 5, roleGroup: 'resident' }));
  await insertInvitations(db, afterProcess, day, 40, 30);

  const training = await insertSurvey(db, { programId, kind: 'training', createdBy, threshold: 5 });
  await insertResponses(db, training, [
    ...alike(12, { day, score: 2, roleGroup: 'officer', phase: 'before' }),
    ...alike(15, { day, score: 4, roleGroup: 'officer', phase: 'after' }),
    ...alike(6, { day, score: 3, roleGroup: 'other' }),
  ]);

  await insertAgreementItems(
    test,
    world,
    Array.from({ length: 12 }, (_, index) => ({ dueOn: day, done: index < 9 })),
  );
  return { current, lastEnded, quarterBefore, threeBack };
}

/** The trust index of each answer of the pulse in the last ended quarter and the one before. */
export const pulseTrust = {
  lastEnded: [...Array<number>(23).fill(4), ...Array<number>(3).fill(2)],
  quarterBefore: [...Array<number>(14).fill(3), ...Array<number>(3).fill(5)],
};
