import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  acceptPartyLinkBody,
  PartyLinkPreview,
} from '../../../shared/conferences/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { SECOND_FACTOR_FIRST, type SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import {
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  UnauthenticatedError,
} from '../../platform/errors.ts';
import { addResidentFromLink } from '../invitations/resident.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { type CaseRow, guardFirewall, type PartyRow } from './access.ts';
import { languageOf } from './party-mail.ts';
import { reseatRoom } from './room.ts';
import { conferenceParties, conferences } from './schema.ts';
import { hashConferenceToken } from './token.ts';

// A party's own link (/conferences/join#token): it opens their part of the case once. Someone
// signed in takes the party as theirs; someone with no account becomes a resident of the
// program and is signed in, as a circle's join link does. The link is spent then: coming back
// is by signing in, and a lost session is answered by a new link from the facilitator.

type Executor = Database | Transaction;
export type AcceptPartyLink = z.output<typeof acceptPartyLinkBody>;

interface Opened {
  party: PartyRow;
  conference: CaseRow;
  program: ProgramRunners;
}

// A party's account is known by a neutral name: the name the facilitator wrote stays sealed
// with the case, rather than plain in the people table.
const ACCOUNT_NAME = { en: 'Conference participant', es: 'Participante en una conferencia' };

const notValid = () =>
  new InvalidError(
    [
      {
        field: 'token',
        message:
          'This link is not valid: it may have been used already, copied in part, or replaced by a new one.',
      },
    ],
    'If you used it before, sign in to find your case. Otherwise, ask your facilitator for a new link.',
  );

async function openLink(db: Executor, token: string, lock: boolean): Promise<Opened> {
  const query = db
    .select({ party: conferenceParties, conference: conferences })
    .from(conferenceParties)
    .innerJoin(conferences, eq(conferences.id, conferenceParties.conferenceId))
    .where(
      and(
        eq(conferenceParties.linkTokenHash, hashConferenceToken(token)),
        isNull(conferenceParties.removedAt),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notValid();
  if (row.conference.stage === 'closed') {
    throw new GoneError('This case is closed. Your facilitator can tell you more.');
  }
  const program = await findProgram(db, row.conference.programId);
  if (!program) throw notValid();
  return { ...row, program };
}

/** POST /api/conference-party/preview */
export async function previewPartyLink(db: Database, token: string): Promise<PartyLinkPreview> {
  const { party, program } = await openLink(db, token, false);
  return {
    programName: program.name,
    role: party.role as PartyLinkPreview['role'],
    language: languageOf(party.language),
  };
}

/** Whether this person may take this party as theirs; refuses with words when not. */
async function ensureTheirs(db: Database, actor: SignedIn, opened: Opened): Promise<void> {
  if (actor.secondFactor === 'required') throw new ForbiddenError(SECOND_FACTOR_FIRST);
  // Someone behind the firewall never reads a misconduct case's preparation, as a party either.
  await guardFirewall(db, actor, opened.conference, 'party link');
  const [already] = await db
    .select({ id: conferenceParties.id })
    .from(conferenceParties)
    .where(
      and(
        eq(conferenceParties.conferenceId, opened.conference.id),
        eq(conferenceParties.personId, actor.personId),
        isNull(conferenceParties.removedAt),
        ne(conferenceParties.id, opened.party.id),
      ),
    );
  if (already) {
    throw new ConflictError(
      'You are already a party to this case under another link. Ask your facilitator.',
    );
  }
}

/**
 * POST /api/conference-party. Returns the case, and the id of a person made now (to be signed
 * in), or null for someone signed in already.
 */
export async function acceptPartyLink(
  context: AppContext,
  body: AcceptPartyLink,
  signedIn: SignedIn | null,
): Promise<{ conferenceId: string; newPersonId: string | null }> {
  const { db } = context.database;
  const actor = signedIn && !signedIn.disabled ? signedIn : null;
  const opened = await openLink(db, body.token, false);
  if (opened.party.personId && opened.party.personId !== actor?.personId) {
    throw actor
      ? new ConflictError('This link is for someone else’s account.')
      : new UnauthenticatedError('This link is for your account: sign in first, then open it.');
  }
  if (actor) await ensureTheirs(db, actor, opened);
  return db.transaction(async (tx) => {
    // Locked, so that the same link opened twice at once makes one person, not two.
    const { party, conference, program } = await openLink(tx, body.token, true);
    const personId =
      actor?.personId ??
      (await addResidentFromLink(tx, {
        programId: program.id,
        organisationId: program.leadOrganisationId,
        name: ACCOUNT_NAME[languageOf(body.language)],
        language: body.language,
        grantedBy: party.addedBy,
      }));
    await tx
      .update(conferenceParties)
      .set({ personId, linkTokenHash: null, language: body.language })
      .where(eq(conferenceParties.id, party.id));
    await reseatRoom(tx, conference.id);
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: personId,
        organisationId: program.leadOrganisationId,
        action: 'conference.party_joined',
        targetType: 'conference',
        targetId: conference.id,
        outcome: 'succeeded',
        details: { partyId: party.id, newPerson: !actor },
      },
      tx,
    );
    return { conferenceId: conference.id, newPersonId: actor ? null : personId };
  });
}
