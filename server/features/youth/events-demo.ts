import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { planEvent, readEvent, recordAttendance } from './events.ts';

// The demo youth program's events: last week's visit to the fire station, where Keisha recorded
// who came (Maya came, Andre did not; Jayden cannot be recorded until his grandmother
// consents), and a basketball afternoon next week, which Maya sees on her page.

const DAY_MS = 86_400_000;

/** A day `days` from now at `hour` o'clock, server time. */
function dayAt(days: number, hour: number): string {
  const at = new Date(Date.now() + days * DAY_MS);
  at.setHours(hour, 0, 0, 0);
  return at.toISOString();
}

/** `cameIds`: the young people who came to the visit; everyone else who may take part did not. */
export async function seedYouthEventsDemo(
  context: AppContext,
  keisha: SignedIn,
  programId: string,
  cameIds: string[],
): Promise<void> {
  const visit = await planEvent(context, keisha, programId, {
    title: 'Visit to the fire station',
    startsAt: dayAt(-7, 16),
    place: 'Riverside fire station, 12 Main Street',
  });
  const { attendance } = await readEvent(context, keisha, visit.id);
  await recordAttendance(context, keisha, visit.id, {
    attendance: attendance
      .filter((row) => row.mayTakePart)
      .map((row) => ({
        youngPersonId: row.youngPersonId,
        present: cameIds.includes(row.youngPersonId),
      })),
  });
  await planEvent(context, keisha, programId, {
    title: 'Basketball afternoon',
    startsAt: dayAt(7, 15),
    place: 'Riverside community centre gym',
  });
}
