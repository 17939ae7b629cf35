import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { GoneError, InvalidError } from '../../platform/errors.ts';
import { type CircleProgram, type CircleRow, loadCircle } from './access.ts';
import { endOf } from './join-link.ts';
import { circleInvitees, circles } from './schema.ts';
import { hashCircleToken } from './token.ts';

// What a token in /circles/join#token opens: a circle's join link, or one invitee's personal
// invitation. Either works until the circle's planned end, and not for a cancelled or closed
// circle; each way it cannot be used has its own words.

export type InviteeRow = typeof circleInvitees.$inferSelect;

export type TokenOpens =
  | { kind: 'link'; circle: CircleRow; program: CircleProgram }
  | { kind: 'invitation'; circle: CircleRow; program: CircleProgram; invitee: InviteeRow };

const unknownToken = () =>
  new InvalidError(
    [
      {
        field: 'token',
        message:
          'This link is not valid: it may have been copied in part, or replaced by a new one.',
      },
    ],
    'Ask the person who invited you for a new link.',
  );

function ensureUsable(circle: CircleRow): void {
  if (circle.status === 'cancelled') {
    throw new GoneError('This circle was cancelled. The person who invited you can tell you more.');
  }
  if (circle.status === 'closed') throw new GoneError('This circle has closed.');
  if (circle.status === 'scheduled' && endOf(circle) <= new Date()) {
    throw new GoneError('This circle’s time is over.');
  }
}

export async function resolveToken(db: Database | Transaction, token: string): Promise<TokenOpens> {
  const tokenHash = hashCircleToken(token);
  const [byLink] = await db.select().from(circles).where(eq(circles.joinTokenHash, tokenHash));
  if (byLink) {
    if (byLink.joinLinkExpiresAt === null || byLink.joinLinkExpiresAt <= new Date()) {
      throw new GoneError('This join link has expired. Ask the circle’s keeper for a new one.');
    }
    ensureUsable(byLink);
    const { program } = await loadCircle(db, byLink.id);
    return { kind: 'link', circle: byLink, program };
  }
  const [invitee] = await db
    .select()
    .from(circleInvitees)
    .where(eq(circleInvitees.tokenHash, tokenHash));
  if (!invitee) throw unknownToken();
  const { circle, program } = await loadCircle(db, invitee.circleId);
  ensureUsable(circle);
  return { kind: 'invitation', circle, program, invitee };
}
