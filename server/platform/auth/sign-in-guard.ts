import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { auditEvents } from '../audit/schema.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/connection.ts';
import { INVITATION_SIGN_IN_PATH } from './invited-sign-in.ts';
import { people } from './schema.ts';

// Sign-in's own rules, around better-auth: every sign-in and failed attempt goes to the audit
// trail; five failed attempts lock an account for ten minutes; a disabled person gets no session.

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 10;
const PASSWORD_SIGN_IN = '/sign-in/email';
/**
 * Endpoints where someone signed in types their password again. A wrong one counts towards the
 * same lock as a failed sign-in, or a stolen session could guess at leisure.
 */
const PASSWORD_RECHECKS = new Set([
  '/change-password',
  '/verify-password',
  '/two-factor/enable',
  '/two-factor/disable',
  '/two-factor/generate-backup-codes',
  '/two-factor/get-totp-uri',
]);
const lockedError = () =>
  new APIError('TOO_MANY_REQUESTS', {
    code: 'ACCOUNT_LOCKED',
    message: `Too many failed sign-ins. This account is locked for ${LOCK_MINUTES} minutes; please try again later.`,
  });

async function personByEmail(db: Database, email: unknown) {
  if (typeof email !== 'string') return undefined;
  const [person] = await db
    .select({ id: people.id, disabledAt: people.disabledAt })
    .from(people)
    .where(eq(people.email, email.trim().toLowerCase()));
  return person;
}

/** Failed attempts in the lock window that no successful sign-in has cleared since. */
export async function recentFailures(db: Database, personId: string): Promise<number> {
  const lastSuccess = sql`coalesce((select max(${auditEvents.occurredAt}) from ${auditEvents}
    where ${auditEvents.action} = 'auth.sign_in' and ${auditEvents.actorId} = ${personId}), '-infinity')`;
  const [row] = await db
    .select({ failures: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'auth.sign_in_failed'),
        eq(auditEvents.targetId, personId),
        gt(auditEvents.occurredAt, sql`now() - make_interval(mins => ${LOCK_MINUTES})`),
        gt(auditEvents.occurredAt, lastSuccess),
      ),
    );
  return Number(row?.failures ?? 0);
}

export function signInGuard(
  db: Database,
  log: Logger,
  isStaff: (personId: string) => Promise<boolean>,
) {
  const audit = (event: Parameters<typeof recordAudit>[1]) =>
    recordAudit(db, event).catch((error: unknown) => {
      // Losing an audit row must be loud: it is what oversight relies on.
      log.error({ err: error, action: event.action }, 'could not write an audit event');
      throw error;
    });

  return {
    before: createAuthMiddleware(async (ctx) => {
      if (PASSWORD_RECHECKS.has(ctx.path)) {
        const session = await getSessionFromCtx(ctx);
        if (session && (await recentFailures(db, session.user.id)) >= LOCK_AFTER_FAILURES) {
          throw lockedError();
        }
        return;
      }
      if (ctx.path !== PASSWORD_SIGN_IN) return;
      const person = await personByEmail(db, ctx.body?.email);
      if (!person || (await recentFailures(db, person.id)) < LOCK_AFTER_FAILURES) return;
      await audit({
        actorKind: 'anonymous',
        action: 'auth.sign_in_refused',
        targetType: 'person',
        targetId: person.id,
        outcome: 'denied',
        details: { reason: 'locked' },
      });
      throw lockedError();
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (PASSWORD_RECHECKS.has(ctx.path)) {
        const returned = ctx.context.returned;
        const personId = ctx.context.session?.user.id;
        if (!personId || !isAPIError(returned) || returned.body?.code !== 'INVALID_PASSWORD')
          return;
        await audit({
          actorKind: 'person',
          actorId: personId,
          action: 'auth.sign_in_failed',
          targetType: 'person',
          targetId: personId,
          outcome: 'failed',
          details: { method: 'password-recheck' },
        });
        return;
      }
      if (ctx.path !== PASSWORD_SIGN_IN) return;
      const returned = ctx.context.returned;
      if (!isAPIError(returned) || returned.statusCode !== 401) return;
      const person = await personByEmail(db, ctx.body?.email);
      await audit({
        actorKind: 'anonymous',
        action: 'auth.sign_in_failed',
        ...(person ? { targetType: 'person', targetId: person.id } : {}),
        outcome: 'failed',
        details: { method: 'password' },
      });
    }),
    /**
     * Refuses a session to a disabled person, whatever the way they signed in, and to staff by an
     * emailed link, which would skip their second factor.
     */
    async beforeSessionCreate(
      session: { userId: string },
      path: string | undefined,
    ): Promise<boolean> {
      if (path?.includes('magic-link') && (await isStaff(session.userId))) {
        await audit({
          actorKind: 'person',
          actorId: session.userId,
          action: 'auth.sign_in_refused',
          outcome: 'denied',
          details: { reason: 'staff-by-link' },
        });
        return false;
      }
      const [person] = await db
        .select({ disabledAt: people.disabledAt })
        .from(people)
        .where(eq(people.id, session.userId));
      if (!person?.disabledAt) return true;
      await audit({
        actorKind: 'person',
        actorId: session.userId,
        action: 'auth.sign_in_refused',
        outcome: 'denied',
        details: { reason: 'disabled' },
      });
      return false;
    },
    async afterSessionCreate(session: { userId: string }, path: string | undefined): Promise<void> {
      await audit({
        actorKind: 'person',
        actorId: session.userId,
        action: 'auth.sign_in',
        outcome: 'succeeded',
        details: {
          method: path?.includes('magic-link')
            ? 'magic-link'
            : path?.includes('passkey')
              ? 'passkey'
              : path === INVITATION_SIGN_IN_PATH
                ? 'invitation'
                : 'password',
        },
      });
    },
  };
}
