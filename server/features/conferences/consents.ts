import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { CONSENT_VERSION, consentTextOf } from '../../../shared/conferences/consent.ts';
import type { CaseParty, giveConsentBody } from '../../../shared/conferences/contract.ts';
import type { PartyRole } from '../../../shared/conferences/machine.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { InvalidError } from '../../platform/errors.ts';
import { findProgram } from '../organisations/service.ts';
import { type CaseRow, ownParty, type PartyRow, teamCase } from './access.ts';
import { withStep } from './command.ts';
import { activeParty, consentOf } from './parties.ts';
import { tellTeamPaused } from './party-mail.ts';
import { conferenceConsents } from './schema.ts';
import { consentSignatureContext, withdrawalContext } from './sealed.ts';

// Informed consent, given by the party on their own page or recorded by a facilitator from a
// paper form: which version of the text was shown, in which language, the typed name, when.
// Anyone may withdraw it at any time: the case pauses at once, and nothing else changes (the
// records, the parties and the consent row itself stay, the row marked withdrawn). The team is
// told the case is paused; who withdrew and why stay on the case page.

export type GiveConsent = z.output<typeof giveConsentBody>;

/** The text signed must be the current one, or one shown before it that we still know. */
function ensureKnownVersion(body: GiveConsent, role: PartyRole): void {
  if (body.version === CONSENT_VERSION) return;
  if (consentTextOf(body.version, body.language, role)) return;
  throw new InvalidError([
    {
      field: 'version',
      message: 'This version of the consent text is not known: reload the page and read it again.',
    },
  ]);
}

async function consent(
  context: AppContext,
  actor: SignedIn,
  party: PartyRow,
  body: GiveConsent,
  recordedBy: string | null,
): Promise<CaseParty['consent']> {
  ensureKnownVersion(body, party.role as PartyRole);
  const command = { type: 'give_consent', partyId: party.id, version: body.version } as const;
  const row = await withStep(context, actor.personId, party.conferenceId, command, async (tx) => {
    const consentId = crypto.randomUUID();
    const [written] = await tx
      .insert(conferenceConsents)
      .values({
        id: consentId,
        conferenceId: party.conferenceId,
        partyId: party.id,
        version: body.version,
        language: body.language,
        signatureSealed: context.cipher.encrypt(body.signature, consentSignatureContext(consentId)),
        recordedBy,
      })
      .returning();
    return written;
  });
  return consentOf(row);
}

/** POST /api/conferences/:id/my-part/consent */
export async function giveOwnConsent(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  body: GiveConsent,
): Promise<CaseParty['consent']> {
  const { party } = await ownParty(context.database.db, actor, conferenceId);
  return consent(context, actor, party, body, null);
}

/** POST /api/conferences/:id/parties/:partyId/consent: consent given on paper. */
export async function recordPaperConsent(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  partyId: string,
  body: GiveConsent,
): Promise<CaseParty['consent']> {
  const { db } = context.database;
  await teamCase(db, actor, conferenceId, 'consent');
  const party = await activeParty(db, conferenceId, partyId);
  return consent(context, actor, party, body, actor.personId);
}

async function withdraw(
  context: AppContext,
  actor: SignedIn,
  conference: CaseRow,
  party: PartyRow,
  reason: string,
): Promise<CaseParty['consent']> {
  const program = await findProgram(context.database.db, conference.programId);
  if (!program) throw new Error(`Case ${conference.id} has no program.`);
  const command = { type: 'withdraw_consent', partyId: party.id, reason } as const;
  const row = await withStep(context, actor.personId, conference.id, command, async (tx) => {
    const [current] = await tx
      .select({ id: conferenceConsents.id })
      .from(conferenceConsents)
      .where(and(eq(conferenceConsents.partyId, party.id), isNull(conferenceConsents.withdrawnAt)));
    const [withdrawn] = current
      ? await tx
          .update(conferenceConsents)
          .set({
            withdrawnAt: new Date(),
            withdrawalSealed:
              reason === '' ? null : context.cipher.encrypt(reason, withdrawalContext(current.id)),
          })
          .where(eq(conferenceConsents.id, current.id))
          .returning()
      : [];
    await tellTeamPaused(tx, context, conference, program);
    return withdrawn;
  });
  // Every consent given here has its row; were one missing, the withdrawal still stands.
  return row ? consentOf(row) : { status: 'withdrawn', version: null, at: null };
}

/** POST /api/conferences/:id/my-part/withdraw */
export async function withdrawOwnConsent(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  reason: string,
): Promise<CaseParty['consent']> {
  const { conference, party } = await ownParty(context.database.db, actor, conferenceId);
  return withdraw(context, actor, conference, party, reason);
}

/** POST /api/conferences/:id/parties/:partyId/withdraw: a withdrawal the team was told of. */
export async function recordWithdrawal(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  partyId: string,
  reason: string,
): Promise<CaseParty['consent']> {
  const { db } = context.database;
  const { conference } = await teamCase(db, actor, conferenceId, 'consent');
  const party = await activeParty(db, conferenceId, partyId);
  return withdraw(context, actor, conference, party, reason);
}
