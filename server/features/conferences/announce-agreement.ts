import { asc, eq } from 'drizzle-orm';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { programs } from '../organisations/schema.ts';
import {
  type Addressee,
  casePageFor,
  myPartPageFor,
  partyAddressees,
  teamAddressees,
} from './addressees.ts';
import { meetingsAttachment, meetingsCalendar } from './item-calendar.ts';
import { conferenceItems, conferences } from './schema.ts';

// When a case's agreement is confirmed, each party with an address and each member of its team
// hears of it: the items by kind and day (a party's own marked as theirs), a link to read the
// agreement, and the meetings as a calendar file. It runs in the transaction that confirms the
// agreement (transitions.ts), so that the emails exist only if the confirmation does.

/** Writes the emails of a confirmed agreement to the outbox; returns how many. */
export async function announceAgreement(
  context: AppContext,
  tx: Transaction,
  conferenceId: string,
): Promise<number> {
  const [conference] = await tx
    .select({
      reference: conferences.reference,
      programName: programs.name,
      timeZone: programs.timeZone,
    })
    .from(conferences)
    .innerJoin(programs, eq(programs.id, conferences.programId))
    .where(eq(conferences.id, conferenceId));
  if (!conference) throw new Error(`case ${conferenceId} vanished`);
  const items = await tx
    .select({
      id: conferenceItems.id,
      kind: conferenceItems.kind,
      dueOn: conferenceItems.dueOn,
      meetingAt: conferenceItems.meetingAt,
      responsiblePartyId: conferenceItems.responsiblePartyId,
    })
    .from(conferenceItems)
    .where(eq(conferenceItems.conferenceId, conferenceId))
    .orderBy(asc(conferenceItems.dueOn), asc(conferenceItems.createdAt));
  const { publicUrl } = context.config;

  const write = async (to: Addressee, link: string, partyId: string | null) => {
    const meetings = items.flatMap((item) =>
      item.meetingAt
        ? [{ itemId: item.id, reference: conference.reference, meetingAt: item.meetingAt, link }]
        : [],
    );
    const { language } = to;
    await context.mail.send(
      {
        to: to.address,
        template: 'conference-agreement',
        language,
        data: {
          reference: conference.reference,
          programName: conference.programName,
          audience: partyId === null ? 'team' : 'party',
          items: items.map((item) => ({
            kind: item.kind as ItemKind,
            dueOn: item.dueOn,
            yours: partyId !== null && item.responsiblePartyId === partyId,
            meetingAt: item.meetingAt,
          })),
          timeZone: conference.timeZone,
          link,
        },
        ...(meetings.length > 0
          ? { attachments: [meetingsAttachment(meetingsCalendar(meetings, publicUrl, language))] }
          : {}),
      },
      { tx },
    );
  };

  const parties = await partyAddressees(tx, context.cipher, conferenceId);
  const team = await teamAddressees(tx, conferenceId);
  for (const party of parties) {
    await write(party, myPartPageFor(publicUrl, conferenceId), party.partyId);
  }
  for (const member of team) await write(member, casePageFor(publicUrl, conferenceId), null);
  return parties.length + team.length;
}
