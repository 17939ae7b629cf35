import { and, desc, eq, gt } from 'drizzle-orm';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { SessionSummary } from '../../../shared/profile/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { type SignedIn, STAFF_IDLE_MINUTES } from '../../platform/auth/actor.ts';
import type { Auth } from '../../platform/auth/auth.ts';
import { authSessions } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { describeDevice } from './device.ts';

// The places where a person is signed in, so that they can end one they do not recognise.
// Never the session's token: whoever holds it is signed in as them.

const ownSessions = (actor: SignedIn) => ({
  type: 'person',
  id: actor.personId,
  personId: actor.personId,
});

export async function listSessions(db: Database, actor: SignedIn): Promise<SessionSummary[]> {
  await authorize(db, actor, 'session.list', ownSessions(actor));
  const rows = await db
    .select({
      id: authSessions.id,
      userAgent: authSessions.userAgent,
      createdAt: authSessions.createdAt,
      updatedAt: authSessions.updatedAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, actor.personId), gt(authSessions.expiresAt, new Date())))
    .orderBy(desc(authSessions.updatedAt));
  // A staff session idle for too long is already over: it ends at its next request.
  const idleLimit = Date.now() - STAFF_IDLE_MINUTES * 60_000;
  const isStaff = actor.memberships.some((membership) => isStaffRole(membership.role));
  const live = rows.filter((row) => !isStaff || row.updatedAt.getTime() >= idleLimit);
  return live.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    createdAt: row.createdAt.toISOString(),
    lastActiveAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    current: row.id === actor.sessionId,
  }));
}

/** Ends one of the person's own sessions; says whether it was the one this request came with. */
export async function endSession(
  db: Database,
  auth: Auth,
  actor: SignedIn,
  sessionId: string,
): Promise<{ current: boolean }> {
  const [session] = await db
    .select({ token: authSessions.token })
    .from(authSessions)
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, actor.personId)));
  if (!session) throw new NotFoundError('You have no such session.');
  await authorize(db, actor, 'session.end', ownSessions(actor));
  await (await auth.$context).internalAdapter.deleteSession(session.token);
  const current = sessionId === actor.sessionId;
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    action: 'auth.session_ended',
    targetType: 'session',
    targetId: sessionId,
    outcome: 'succeeded',
    details: { current },
  });
  return { current };
}
