import { count, eq } from 'drizzle-orm';
import {
  type CircleStatus,
  GUIDELINES_VERSION,
  type PreJoin,
} from '../../../shared/circles/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { type CircleAccess, type CircleProgram, type CircleRow, readableCircle } from './access.ts';
import { resolveToken } from './join-token.ts';
import { circleParticipants } from './schema.ts';
import { roleFor, seatOf } from './seat.ts';

// The page before joining: what the circle is, who keeps it, whether a place is left, and how
// the person signed in will appear (an officer's badge is not theirs to take off).

async function preJoinOf(
  db: Database,
  circle: CircleRow,
  program: CircleProgram,
  actor: SignedIn | null,
): Promise<PreJoin> {
  const [keeper] = await db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, circle.keeperId));
  const [taken] = await db
    .select({ seats: count() })
    .from(circleParticipants)
    .where(eq(circleParticipants.circleId, circle.id));
  const role = actor ? await roleFor(db, circle, actor.personId) : null;
  return {
    circleId: circle.id,
    purpose: circle.purpose,
    programName: program.name,
    startsAt: circle.startsAt.toISOString(),
    timeZone: circle.timeZone,
    status: circle.status as CircleStatus,
    language: circle.language as PreJoin['language'],
    keeperName: keeper?.name ?? '',
    guidelinesVersion: GUIDELINES_VERSION,
    full: Number(taken?.seats ?? 0) >= circle.capacity,
    you: actor && role ? { name: actor.name, role, verifiedOfficer: role === 'officer' } : null,
    participantId: actor ? await seatOf(db, circle.id, actor.personId) : null,
  };
}

/** Someone signed in who may take a seat: keeping it, invited to it, or staff of the program. */
export function ensureAsked(access: CircleAccess): void {
  if (access.keeping || access.invited || access.staff || access.participantId) return;
  throw new ForbiddenError(
    'You were not asked to this circle. Ask its keeper for an invitation or a link.',
  );
}

/** POST /api/circle-join/preview: a join link's or a personal invitation's page. */
export async function previewByToken(
  db: Database,
  token: string,
  actor: SignedIn | null,
): Promise<PreJoin> {
  const opened = await resolveToken(db, token);
  return preJoinOf(db, opened.circle, opened.program, actor);
}

/** GET /api/circles/:id/pre-join, for someone signed in and asked to it. */
export async function preJoinFor(
  db: Database,
  actor: SignedIn,
  circleId: string,
): Promise<PreJoin> {
  const access = await readableCircle(db, actor, circleId);
  ensureAsked(access);
  return preJoinOf(db, access.circle, access.program, actor);
}
