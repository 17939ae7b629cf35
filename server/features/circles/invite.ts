import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { inviteToCircleBody } from '../../../shared/circles/contract.ts';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError, type FieldMessage, InvalidError } from '../../platform/errors.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { type CircleAccess, type CircleRow, plannableCircle } from './access.ts';
import { calendarAttachment, calendarFile } from './calendar.ts';
import { invitableOf } from './people.ts';
import { circleInvitees, circles } from './schema.ts';
import { hashCircleToken, inviteeToken, joinPageFor } from './token.ts';

// Inviting people to a circle: people of the program by their account, or addresses. An
// invitation to a circle of a series covers it and the series' later circles. Each invitee gets
// one email, in their language, with their own link and a calendar file of every circle it
// covers; the rows and the email are written in one transaction.

export type InviteToCircle = z.output<typeof inviteToCircleBody>;

const HOUR_MS = 3_600_000;
export const emailContext = (inviteeId: string) => `circle_invitees.email:${inviteeId}`;

/**
 * Where an invitee's emails go: their account's address, or else the address they were asked at
 * (kept after they came in by it on a phone with no address of their own); null when neither can
 * receive mail.
 */
export function inviteeAddress(
  context: Pick<AppContext, 'cipher'>,
  invitee: { id: string; email: string | null },
  accountEmail: string | null,
): string | null {
  if (accountEmail && !isPlaceholderEmail(accountEmail)) return accountEmail;
  const asked = invitee.email && context.cipher.decrypt(invitee.email, emailContext(invitee.id));
  return asked && !isPlaceholderEmail(asked) ? asked : null;
}

/** The circle and the later circles of its series that still meet. */
async function coveredCircles(context: AppContext, circle: CircleRow): Promise<CircleRow[]> {
  if (!circle.seriesId) return [circle];
  return context.database.db
    .select()
    .from(circles)
    .where(
      and(
        eq(circles.seriesId, circle.seriesId),
        gte(circles.seriesPosition, circle.seriesPosition),
        inArray(circles.status, ['scheduled', 'live']),
      ),
    )
    .orderBy(asc(circles.seriesPosition));
}

interface Invitee {
  personId: string | null;
  /** Where the email goes; null for a resident who joined by link and gave no address. */
  address: string | null;
  language: Language;
}

async function inviteesOf(
  context: AppContext,
  access: CircleAccess,
  body: InviteToCircle,
): Promise<Invitee[]> {
  const refusals: FieldMessage[] = [];
  const personIds = [...new Set(body.personIds)];
  const invitable = new Set(
    (await invitableOf(context.database.db, access.program, personIds)).map((person) => person.id),
  );
  body.personIds.forEach((personId, index) => {
    if (!invitable.has(personId)) {
      refusals.push({
        field: `personIds.${index}`,
        message: 'Choose someone who takes part in this program.',
      });
    }
  });
  body.emails.forEach((email, index) => {
    if (isPlaceholderEmail(email)) {
      refusals.push({ field: `emails.${index}`, message: 'This address cannot receive email.' });
    }
  });
  if (personIds.length === 0 && body.emails.length === 0) {
    refusals.push({
      field: 'personIds',
      message: 'Choose someone to invite, or give an email address.',
    });
  }
  if (refusals.length > 0) throw new InvalidError(refusals);
  const accounts = personIds.length
    ? await context.database.db
        .select({ id: people.id, email: people.email, language: people.language })
        .from(people)
        .where(inArray(people.id, personIds))
    : [];
  const addressLanguage = body.language ?? (access.circle.language === 'es' ? 'es' : 'en');
  return [
    ...accounts.map((account) => ({
      personId: account.id,
      address: isPlaceholderEmail(account.email) ? null : account.email,
      language: (account.language === 'es' ? 'es' : 'en') as Language,
    })),
    ...[...new Set(body.emails.map((email) => email.trim().toLowerCase()))].map((address) => ({
      personId: null,
      address,
      language: addressLanguage,
    })),
  ];
}

/** Who is invited to each circle already: "<circleId> <personId or address>". */
async function alreadyInvited(context: AppContext, circleIds: string[]): Promise<Set<string>> {
  const rows = await context.database.db
    .select()
    .from(circleInvitees)
    .where(inArray(circleInvitees.circleId, circleIds));
  return new Set(
    rows.map(
      (row) =>
        `${row.circleId} ${row.personId ?? (row.email ? context.cipher.decrypt(row.email, emailContext(row.id)) : '')}`,
    ),
  );
}

/** The moments a reminder is no longer worth sending: the invitation itself says as much. */
function remindersDone(circle: CircleRow, now: number) {
  const ahead = circle.startsAt.getTime() - now;
  return {
    reminded24hAt: ahead <= 24 * HOUR_MS ? new Date(now) : null,
    reminded1hAt: ahead <= HOUR_MS ? new Date(now) : null,
  };
}

async function inviteOne(
  tx: Transaction,
  context: AppContext,
  actor: SignedIn,
  access: CircleAccess,
  invitee: Invitee,
  circlesToInvite: CircleRow[],
  keeperName: string,
): Promise<void> {
  const now = Date.now();
  const rows = circlesToInvite.map((circle) => {
    const id = crypto.randomUUID();
    const token = inviteeToken(context, id);
    return { id, circle, token };
  });
  await tx.insert(circleInvitees).values(
    rows.map(({ id, circle, token }) => ({
      id,
      circleId: circle.id,
      personId: invitee.personId,
      email: invitee.personId
        ? null
        : context.cipher.encrypt(invitee.address ?? '', emailContext(id)),
      language: invitee.language,
      tokenHash: hashCircleToken(token),
      invitedBy: actor.personId,
      ...remindersDone(circle, now),
    })),
  );
  const [first] = rows;
  if (!invitee.address || !first) return;
  const link = (token: string) => joinPageFor(context.config.publicUrl, token);
  const calendar = calendarFile(
    rows.map(({ circle, token }) => ({
      id: circle.id,
      purpose: circle.purpose,
      programName: access.program.name,
      keeperName,
      startsAt: circle.startsAt,
      durationMinutes: circle.durationMinutes,
      timeZone: circle.timeZone,
      cancelled: false,
      link: link(token),
    })),
    context.config.publicUrl,
    invitee.language,
  );
  const last = rows.at(-1);
  await context.mail.send(
    {
      to: invitee.address,
      template: 'circle-invitation',
      language: invitee.language,
      data: {
        inviterName: actor.name,
        keeperName,
        programName: access.program.name,
        purpose: first.circle.purpose,
        startsAt: first.circle.startsAt,
        durationMinutes: first.circle.durationMinutes,
        timeZone: first.circle.timeZone,
        link: link(first.token),
        series:
          rows.length > 1 && last
            ? { count: rows.length, lastStartsAt: last.circle.startsAt }
            : null,
      },
      attachments: [calendarAttachment(calendar)],
    },
    { tx },
  );
}

/** POST /api/circles/:id/invitations: how many people were newly invited. */
export async function inviteToCircle(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
  body: InviteToCircle,
): Promise<{ invited: number }> {
  const { db } = context.database;
  const access = await plannableCircle(db, actor, circleId);
  if (access.circle.status === 'cancelled' || access.circle.status === 'closed') {
    throw new ConflictError(
      `This circle was ${access.circle.status}: no one can be invited to it.`,
    );
  }
  const invitees = await inviteesOf(context, access, body);
  const covered = await coveredCircles(context, access.circle);
  const invited = await alreadyInvited(
    context,
    covered.map((circle) => circle.id),
  );
  const [keeper] = await db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, access.circle.keeperId));
  let count = 0;
  await db.transaction(async (tx) => {
    for (const invitee of invitees) {
      const who = invitee.personId ?? invitee.address;
      const fresh = covered.filter((circle) => !invited.has(`${circle.id} ${who}`));
      if (fresh.length === 0) continue;
      await inviteOne(tx, context, actor, access, invitee, fresh, keeper?.name ?? '');
      count += 1;
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'circle.invited',
        targetType: 'circle',
        targetId: circleId,
        outcome: 'succeeded',
        details: {
          programId: access.circle.programId,
          invited: count,
          byAccount: invitees.filter((invitee) => invitee.personId).length,
          byAddress: invitees.filter((invitee) => !invitee.personId).length,
          circles: covered.length,
        },
      },
      tx,
    );
  });
  return { invited: count };
}
