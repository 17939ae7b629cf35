import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import { consentText } from '../../../shared/conferences/consent.ts';
import type { MyCase, PartyView } from '../../../shared/conferences/contract.ts';
import { type CaseStage, caseStages, type PartyRole } from '../../../shared/conferences/machine.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { programs } from '../organisations/schema.ts';
import { type CaseRow, guardFirewall, ownParty } from './access.ts';
import { loadState } from './events.ts';
import { consentOf, latestConsents } from './parties.ts';
import { languageOf } from './party-mail.ts';
import { itemsOf, partiesOf } from './read-parts.ts';
import {
  conferenceParties,
  conferencePublicationConsents,
  conferenceRecords,
  conferences,
} from './schema.ts';
import { recordContext } from './sealed.ts';

// A party's own part of a case: their role, where the case stands, when and where the
// conference meets, their consent and the text to consent to, their OWN preparation records
// (never another party's, never a statement or a facilitator's note), and the agreement once it
// is being written. Reading one's own preparation is audited like any read of a record.

const stageIndex = (stage: CaseStage) => caseStages.indexOf(stage);
const AGREEMENT = stageIndex('agreement');
const SCHEDULED = stageIndex('scheduled');

/** GET /api/conferences/mine: the cases the person is a party to. */
export async function myCases(db: Database, actor: SignedIn): Promise<MyCase[]> {
  const rows = await db
    .select({
      id: conferences.id,
      reference: conferences.reference,
      programName: programs.name,
      role: conferenceParties.role,
      stage: conferences.stage,
      startsAt: conferences.startsAt,
    })
    .from(conferenceParties)
    .innerJoin(conferences, eq(conferences.id, conferenceParties.conferenceId))
    .innerJoin(programs, eq(programs.id, conferences.programId))
    .where(and(eq(conferenceParties.personId, actor.personId), isNull(conferenceParties.removedAt)))
    .orderBy(desc(conferences.updatedAt));
  return rows.map((row) => {
    const stage = row.stage as CaseStage;
    return {
      ...row,
      role: row.role as PartyRole,
      stage,
      startsAt: stageIndex(stage) >= SCHEDULED ? (row.startsAt?.toISOString() ?? null) : null,
    };
  });
}

/** The conference's time and place, once it is scheduled. */
function meetingOf(conference: CaseRow): PartyView['conference'] {
  const stage = conference.stage as CaseStage;
  if (stageIndex(stage) < SCHEDULED || !conference.startsAt || !conference.mode) return null;
  return {
    startsAt: conference.startsAt.toISOString(),
    mode: conference.mode === 'online' ? 'online' : 'in_person',
    place: conference.place,
    circleId: conference.circleId,
  };
}

/** The agreement's items: the parties made it together, so each of them reads all of it. */
async function agreementOf(context: AppContext, conferenceId: string) {
  const { db } = context.database;
  const state = await loadState(db, context.cipher, conferenceId);
  const parties = await partiesOf(db, context.cipher, conferenceId, state);
  const today = dayIn(context.config.TIME_ZONE);
  return itemsOf(db, context.cipher, conferenceId, state, parties, today);
}

/** GET /api/conferences/:id/my-part */
export async function myPart(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
): Promise<PartyView> {
  const { db } = context.database;
  const { conference, party } = await ownParty(db, actor, conferenceId);
  await guardFirewall(db, actor, conference, 'own part');
  const [program] = await db
    .select({ name: programs.name, leadOrganisationId: programs.leadOrganisationId })
    .from(programs)
    .where(eq(programs.id, conference.programId));
  const role = party.role as PartyRole;
  const language = languageOf(party.language);
  const stage = conference.stage as CaseStage;
  const consents = await latestConsents(db, conferenceId, [party.id]);
  const preparation = await db
    .select()
    .from(conferenceRecords)
    .where(
      and(
        eq(conferenceRecords.conferenceId, conferenceId),
        eq(conferenceRecords.partyId, party.id),
        eq(conferenceRecords.kind, 'preparation'),
      ),
    )
    .orderBy(asc(conferenceRecords.heldOn), asc(conferenceRecords.createdAt));
  const published = await db
    .select({ itemId: conferencePublicationConsents.itemId })
    .from(conferencePublicationConsents)
    .where(eq(conferencePublicationConsents.partyId, party.id));
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program?.leadOrganisationId ?? null,
    action: 'conference.own_preparation_read',
    targetType: 'conference',
    targetId: conferenceId,
    outcome: 'succeeded',
    details: { partyId: party.id, records: preparation.length },
  });
  return {
    id: conference.id,
    reference: conference.reference,
    programName: program?.name ?? '',
    role,
    stage,
    paused: conference.paused,
    conference: meetingOf(conference),
    consent: consentOf(consents.get(party.id)),
    consentText: consentText(language, role, { officerConduct: conference.misconduct }),
    preparation: preparation.map((record) => ({
      id: record.id,
      heldOn: record.heldOn,
      body: context.cipher.decrypt(record.bodySealed, recordContext(record.id)),
    })),
    items: stageIndex(stage) >= AGREEMENT ? await agreementOf(context, conferenceId) : [],
    publicationConsents: published.map((row) => row.itemId),
  };
}
