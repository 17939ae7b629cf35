import { eq, inArray } from 'drizzle-orm';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { type CircleProgram, type CircleRow, keepersOf } from './access.ts';
import { calendarAttachment, calendarFile } from './calendar.ts';
import { inviteeAddress } from './invite.ts';
import { circleInvitees, circleParticipants } from './schema.ts';
import { inviteeToken, joinPageFor } from './token.ts';

// Word that a circle will not meet, for everyone who expected it: its invitees (by account or by
// address), the people who took a seat ahead of time (a join link's included) and its keepers,
// each once and in their own language, but not the person who cancelled it. Someone with no
// address that can receive mail (a resident who joined by link) sees it in their circles' list.

interface Recipient {
  personId: string | null;
  address: string;
  language: Language;
  /** Their own invitation's page, which says the circle was cancelled; or the circle's page. */
  link: string;
}

const languageOf = (language: string): Language => (language === 'es' ? 'es' : 'en');

/** Who hears of it, one per address: a seat's language first, as they chose it when joining. */
async function recipientsOf(
  context: AppContext,
  tx: Transaction,
  circle: CircleRow,
): Promise<Recipient[]> {
  const circlePage = `${context.config.publicUrl}/circles/${circle.id}`;
  const seated = await tx
    .select({
      personId: circleParticipants.personId,
      language: circleParticipants.language,
      email: people.email,
    })
    .from(circleParticipants)
    .innerJoin(people, eq(people.id, circleParticipants.personId))
    .where(eq(circleParticipants.circleId, circle.id));
  const invited = await tx
    .select({ invitee: circleInvitees, accountEmail: people.email })
    .from(circleInvitees)
    .leftJoin(people, eq(people.id, circleInvitees.personId))
    .where(eq(circleInvitees.circleId, circle.id));
  const keeping = await tx
    .select({ personId: people.id, language: people.language, email: people.email })
    .from(people)
    .where(inArray(people.id, keepersOf(circle)));
  const everyone: (Recipient | null)[] = [
    ...seated.map((seat) => ({
      personId: seat.personId,
      address: seat.email,
      language: languageOf(seat.language),
      link: circlePage,
    })),
    ...invited.map(({ invitee, accountEmail }) => {
      const address = inviteeAddress(context, invitee, accountEmail);
      if (!address) return null;
      return {
        personId: invitee.personId,
        address,
        language: languageOf(invitee.language),
        link: joinPageFor(context.config.publicUrl, inviteeToken(context, invitee.id)),
      };
    }),
    ...keeping.map((keeper) => ({
      personId: keeper.personId,
      address: keeper.email,
      language: languageOf(keeper.language),
      link: circlePage,
    })),
  ];
  const byAddress = new Map<string, Recipient>();
  for (const recipient of everyone) {
    if (!recipient || isPlaceholderEmail(recipient.address)) continue;
    const key = recipient.address.trim().toLowerCase();
    if (!byAddress.has(key)) byAddress.set(key, recipient);
  }
  return [...byAddress.values()];
}

/** Writes the emails in the cancelling transaction; returns how many people were told. */
export async function tellCancelled(
  context: AppContext,
  tx: Transaction,
  circle: CircleRow,
  program: CircleProgram,
  cancelledBy: string,
): Promise<number> {
  const [keeper] = await tx
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, circle.keeperId));
  const recipients = (await recipientsOf(context, tx, circle)).filter(
    (recipient) => recipient.personId !== cancelledBy,
  );
  for (const recipient of recipients) {
    const calendar = calendarFile(
      [
        {
          id: circle.id,
          purpose: circle.purpose,
          programName: program.name,
          keeperName: keeper?.name ?? '',
          startsAt: circle.startsAt,
          durationMinutes: circle.durationMinutes,
          timeZone: circle.timeZone,
          cancelled: true,
          link: recipient.link,
        },
      ],
      context.config.publicUrl,
      recipient.language,
    );
    await context.mail.send(
      {
        to: recipient.address,
        template: 'circle-cancelled',
        language: recipient.language,
        data: {
          purpose: circle.purpose,
          programName: program.name,
          startsAt: circle.startsAt,
          timeZone: circle.timeZone,
        },
        attachments: [calendarAttachment(calendar)],
      },
      { tx },
    );
  }
  return recipients.length;
}
