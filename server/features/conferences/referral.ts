import { eq } from 'drizzle-orm';
import type {
  ReferralForm,
  ReferralReceipt,
  ReferralStatus,
  referralBody,
} from '../../../shared/conferences/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError } from '../../platform/errors.ts';
import { programs } from '../organisations/schema.ts';
import { findOrganisation, findProgram, type ProgramRunners } from '../organisations/service.ts';
import { appendEvents, loadState, referredEvent } from './events.ts';
import { tellCoordinators } from './notices.ts';
import { newCaseReference } from './reference.ts';
import { conferenceSettings, conferences } from './schema.ts';
import { sealReferral } from './sealed.ts';
import { hashConferenceToken, newConferenceToken, statusPageFor } from './token.ts';

// A referral by a program's public link, from someone with no account: an agency, a school, a
// community organisation or the person harmed. It opens a case in the program; its words are
// sealed at once, the coordinators hear that it came in (its reference and urgency only), and
// the referrer gets a status link that shows how the case ends and nothing else.

type Executor = Database | Transaction;
type ReferralInput = (typeof referralBody)['_output'];

/** The id of the harm type a referrer picks when no category of the program fits. */
export const OTHER_HARM = 'other';

const unknownLink = (what: string) =>
  new InvalidError(
    [
      {
        field: 'token',
        message: `This ${what} is not valid: it may have been copied in part, or replaced by a new one.`,
        code: 'unknown_link',
      },
    ],
    what === 'referral link'
      ? 'Ask the program for its current referral link.'
      : 'Check that the whole link was copied.',
  );

async function programOfLink(db: Executor, token: string) {
  const [settings] = await db
    .select()
    .from(conferenceSettings)
    .where(eq(conferenceSettings.referralTokenHash, hashConferenceToken(token)));
  const program = settings && (await findProgram(db, settings.programId));
  if (!settings || !program) throw unknownLink('referral link');
  return { settings, program };
}

async function leadOrganisationName(db: Database, program: ProgramRunners): Promise<string> {
  return (await findOrganisation(db, program.leadOrganisationId))?.name ?? '';
}

/** POST /api/conference-referral/preview: what the referral form needs to show. */
export async function previewReferral(db: Database, token: string): Promise<ReferralForm> {
  const { settings, program } = await programOfLink(db, token);
  return {
    programName: program.name,
    organisationName: await leadOrganisationName(db, program),
    misconduct: settings.misconduct,
    harmTypes: [
      ...settings.rules.map((rule) => ({ id: rule.id, label: rule.label })),
      { id: OTHER_HARM, label: 'Other' },
    ],
  };
}

/** Inserts the case under a reference no other case has; a clash (rare) draws again. */
async function insertCase(
  tx: Transaction,
  values: Omit<typeof conferences.$inferInsert, 'reference'>,
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const reference = newCaseReference();
    const inserted = await tx
      .insert(conferences)
      .values({ ...values, reference })
      .onConflictDoNothing({ target: conferences.reference })
      .returning({ reference: conferences.reference });
    if (inserted.length === 1) return reference;
  }
  throw new Error('no free case reference after 8 draws');
}

/** POST /api/conference-referral: opens the case. */
export async function submitReferral(
  context: AppContext,
  referral: ReferralInput,
): Promise<ReferralReceipt> {
  const { db } = context.database;
  const { settings, program } = await programOfLink(db, referral.token);
  const harmTypes = new Set([...settings.rules.map((rule) => rule.id), OTHER_HARM]);
  if (!harmTypes.has(referral.harmType)) {
    throw new InvalidError([
      {
        field: 'harmType',
        message: 'Choose one of the kinds of harm listed, or “Other”.',
        code: 'unknown_harm_type',
      },
    ]);
  }
  const conferenceId = crypto.randomUUID();
  const tracking = newConferenceToken();
  const reference = await db.transaction(async (tx) => {
    const reference = await insertCase(tx, {
      id: conferenceId,
      programId: program.id,
      misconduct: settings.misconduct,
      agencyOrganisationId: settings.misconduct ? settings.agencyOrganisationId : null,
      harmType: referral.harmType,
      urgency: referral.urgency,
      incidentOn: referral.incidentOn,
      referrerKind: referral.referrerKind,
      referrerOrganisation: referral.referrerOrganisation,
      referralSealed: sealReferral(context.cipher, conferenceId, {
        summary: referral.incidentSummary,
        peopleInvolved: referral.peopleInvolved,
        referrerName: referral.referrerName,
        referrerContact: referral.referrerContact,
      }),
      trackingTokenHash: tracking.tokenHash,
      language: referral.language,
    });
    await appendEvents(
      db,
      tx,
      context.cipher,
      { id: conferenceId, programId: program.id },
      null,
      [referredEvent(settings.misconduct, new Date().toISOString())],
      'anonymous',
    );
    await tellCoordinators(context, tx, program, {
      conferenceId,
      reference,
      urgency: referral.urgency,
    });
    return reference;
  });
  return { reference, statusUrl: statusPageFor(context.config.publicUrl, tracking.token) };
}

/**
 * POST /api/conference-referral/status: received, in progress or closed, and the outcome. The
 * reason is shown only for a case routed back at screening, which the referrer needs to know
 * to look elsewhere; nothing said in the case reaches the referrer.
 */
export async function referralStatus(context: AppContext, token: string): Promise<ReferralStatus> {
  const { db } = context.database;
  const [row] = await db
    .select({ conference: conferences, programName: programs.name })
    .from(conferences)
    .innerJoin(programs, eq(programs.id, conferences.programId))
    .where(eq(conferences.trackingTokenHash, hashConferenceToken(token)));
  if (!row) throw unknownLink('status link');
  const { conference } = row;
  const closed = conference.stage === 'closed';
  const state = closed ? await loadState(db, context.cipher, conference.id) : null;
  const routedBack =
    state?.closedFrom === 'screening' && state.outcome?.outcome === 'no_conference';
  return {
    reference: conference.reference,
    programName: row.programName,
    receivedAt: conference.createdAt.toISOString(),
    state: closed ? 'closed' : conference.stage === 'referral' ? 'received' : 'in_progress',
    outcome: closed ? (state?.outcome?.outcome ?? null) : null,
    routedBackReason: routedBack ? (state?.outcome?.reason ?? null) : null,
  };
}
