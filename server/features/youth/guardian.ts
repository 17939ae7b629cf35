import { eq } from 'drizzle-orm';
import type { ConsentRefusal } from '../../../shared/youth/consent.ts';
import type { AgeBand, ConsentPreview, ConsentView } from '../../../shared/youth/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ConflictError, GoneError, NotFoundError } from '../../platform/errors.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { hashInvitationToken } from '../invitations/token.ts';
import { organisations } from '../organisations/schema.ts';
import { findProgram } from '../organisations/service.ts';
import { commandConsent, consentViewOf, loadConsent, lockYoungPerson } from './consent-store.ts';
import { guardianLinkFor, openGuardian, type YoungPersonRow } from './members.ts';
import { guardianLinks, youngPeople } from './schema.ts';
import { requireYouthSettings } from './settings.ts';

// The guardian's side, reached only by the link in their email: they read what the program is,
// what is kept and for how long, and give or decline consent once; a consent given is withdrawn
// from the same page at any time. A link used for an answer twice, or one a newer request
// replaced, is refused in words and the attempt is audited.

type GuardianAnswer = 'give' | 'decline' | 'withdraw';

interface LinkFound {
  row: YoungPersonRow;
  requestSeq: number;
}

/** The young person a guardian's link is for; 404 for a link that is not known. */
export async function linkOf(db: Database, token: string): Promise<LinkFound> {
  const [found] = await db
    .select({ row: youngPeople, requestSeq: guardianLinks.requestSeq })
    .from(guardianLinks)
    .innerJoin(youngPeople, eq(youngPeople.id, guardianLinks.youngPersonId))
    .where(eq(guardianLinks.tokenHash, hashInvitationToken(token)));
  if (!found) {
    throw new NotFoundError(
      'This link is not known. A newer email may have replaced it, or the young person has left the program.',
      { code: 'unknown_link' },
    );
  }
  return found;
}

const replaced = () =>
  new GoneError(
    'A newer request replaced this one: please open the latest email about this program.',
    { code: 'link_replaced' },
  );

export async function previewConsent(context: AppContext, token: string): Promise<ConsentPreview> {
  const { db } = context.database;
  const { row, requestSeq } = await linkOf(db, token);
  const stored = await loadConsent(db, row.id);
  if (stored.requestSeq !== requestSeq) throw replaced();
  const settings = await requireYouthSettings(db, row.programId);
  const program = await findProgram(db, row.programId);
  const guardian = openGuardian(context, row);
  if (!program || !guardian || row.guardianLanguage === null) {
    throw new NotFoundError('This link is not known.', { code: 'unknown_link' });
  }
  const names = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.id, row.personId));
  const [lead] = await db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, settings.safeguardingLeadId));
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, program.leadOrganisationId));
  return {
    programName: program.name,
    organisationName: organisation?.name ?? '',
    youngPersonName: names[0]?.name ?? '',
    ageBand: row.ageBand as AgeBand,
    guardianName: guardian.name,
    aboutForGuardians: settings.aboutForGuardians,
    safeguardingLeadName: lead?.name ?? '',
    twoAdultsPresent: settings.twoAdultsPresent,
    openPlacesOnly: settings.openPlacesOnly,
    guardianSeesMentoring: settings.guardianSeesMentoring,
    retentionDays: settings.retentionDays,
    consentValidDays: settings.consentValidDays,
    consentVersion: settings.consentVersion,
    language: row.guardianLanguage as Language,
    consent: consentViewOf(stored, Date.now(), settings.consentVersion),
  };
}

const refusalWords: Record<ConsentRefusal, string> = {
  already_answered:
    'This request was answered already; an answer stands until the program sends a new request.',
  not_requested: 'There is no request to answer.',
  not_given: 'There is no consent to withdraw: it was not given, or it was withdrawn already.',
  already_requested: 'A request is waiting already.',
  bad_request: 'This request cannot be answered.',
};

const eventOf: Record<GuardianAnswer, 'given' | 'declined' | 'withdrawn'> = {
  give: 'given',
  decline: 'declined',
  withdraw: 'withdrawn',
};

async function auditRefusal(
  db: Database,
  organisationId: string,
  youngPersonId: string,
  reason: ConsentRefusal | 'link_replaced',
  answer: GuardianAnswer,
): Promise<void> {
  await recordAudit(db, {
    actorKind: 'anonymous',
    organisationId,
    action: 'youth.consent_refused',
    targetType: 'young_person',
    targetId: youngPersonId,
    outcome: 'denied',
    details: { reason, answer },
  });
}

export async function answerConsent(
  context: AppContext,
  token: string,
  answer: GuardianAnswer,
): Promise<ConsentView> {
  const { db } = context.database;
  const { row, requestSeq } = await linkOf(db, token);
  const settings = await requireYouthSettings(db, row.programId);
  const program = await findProgram(db, row.programId);
  if (!program) throw new NotFoundError('This link is not known.', { code: 'unknown_link' });
  const outcome = await db.transaction(async (tx) => {
    await lockYoungPerson(tx, row.id);
    const stored = await loadConsent(tx, row.id);
    if (stored.requestSeq !== requestSeq)
      return { ok: false as const, refusal: 'link_replaced' as const };
    const decided = await commandConsent(
      tx,
      row.id,
      { type: answer, at: Date.now() },
      settings.consentVersion,
    );
    if (!decided.ok) return decided;
    const guardian = openGuardian(context, row);
    const [young] = await tx
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, row.personId));
    if (guardian && row.guardianLanguage) {
      await context.mail.send(
        {
          to: guardian.email,
          template: 'youth-consent-answered',
          language: row.guardianLanguage as Language,
          data: {
            guardianName: guardian.name,
            youngPersonName: young?.name ?? '',
            programName: program.name,
            answer: eventOf[answer],
            link: guardianLinkFor(context, token),
          },
        },
        { tx },
      );
    }
    await recordAudit(
      db,
      {
        actorKind: 'anonymous',
        organisationId: program.leadOrganisationId,
        action: `youth.consent_${eventOf[answer]}`,
        targetType: 'young_person',
        targetId: row.id,
        outcome: 'succeeded',
        details: { consentVersion: settings.consentVersion },
      },
      tx,
    );
    return decided;
  });
  if (!outcome.ok) {
    await auditRefusal(db, program.leadOrganisationId, row.id, outcome.refusal, answer);
    if (outcome.refusal === 'link_replaced') throw replaced();
    throw new ConflictError(refusalWords[outcome.refusal], { code: outcome.refusal });
  }
  return consentViewOf(await loadConsent(db, row.id), Date.now(), settings.consentVersion);
}
