import { and, eq } from 'drizzle-orm';
import { type AgeBand, isMinorBand, type MyYouthPrograms } from '../../../shared/youth/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { hashInvitationToken } from '../invitations/token.ts';
import { programs } from '../organisations/schema.ts';
import { consentViewOf, loadConsent } from './consent-store.ts';
import { youngPeople } from './schema.ts';
import { findYouthSettings } from './settings.ts';

// A young person comes in by their own link and sees their youth program: whether they may take
// part yet, who to go to with a worry, and where to find help. Every youth activity asks
// `requireYouthConsent` (or `youthStanding`) before it lets a young person in.

export async function joinByYouthLink(
  context: AppContext,
  token: string,
): Promise<{ personId: string; programId: string }> {
  const { db } = context.database;
  const [row] = await db
    .select()
    .from(youngPeople)
    .where(eq(youngPeople.linkTokenHash, hashInvitationToken(token)));
  if (!row) {
    throw new NotFoundError(
      'This link does not work any more. Ask the program for a new one: they can send it at once.',
      { code: 'unknown_link' },
    );
  }
  await recordAudit(db, {
    actorKind: 'person',
    actorId: row.personId,
    action: 'youth.joined_by_link',
    targetType: 'young_person',
    targetId: row.id,
    outcome: 'succeeded',
  });
  return { personId: row.personId, programId: row.programId };
}

export interface YouthStanding {
  /** A young person under 18 of the program. */
  minor: boolean;
  /**
   * Whether they may take part now: anyone who is not one of the program's young people, a
   * young adult, or a minor whose guardian's consent is current.
   */
  mayTakePart: boolean;
  /** Their record in the youth program, when they have one. */
  youngPersonId: string | null;
}

export async function youthStanding(
  db: Database | Transaction,
  programId: string,
  personId: string,
  now = Date.now(),
): Promise<YouthStanding> {
  const [row] = await db
    .select()
    .from(youngPeople)
    .where(and(eq(youngPeople.programId, programId), eq(youngPeople.personId, personId)));
  if (!row) return { minor: false, mayTakePart: true, youngPersonId: null };
  if (row.leftAt)
    return {
      minor: isMinorBand(row.ageBand as AgeBand),
      mayTakePart: false,
      youngPersonId: row.id,
    };
  if (!isMinorBand(row.ageBand as AgeBand)) {
    return { minor: false, mayTakePart: true, youngPersonId: row.id };
  }
  const settings = await findYouthSettings(db, programId);
  const current =
    settings !== undefined &&
    consentViewOf(await loadConsent(db, row.id), now, settings.consentVersion).current;
  return { minor: true, mayTakePart: current, youngPersonId: row.id };
}

/** Words for a young person kept out of an activity until their guardian's consent is current. */
export const NEEDS_CONSENT =
  "You can take part once your parent or guardian has said yes. The program has asked them; if it is taking long, talk to the program's coordinator.";

/**
 * Every youth activity asks this first: a minor without a current consent is refused, and the
 * refusal is audited with what they tried.
 */
export async function requireYouthConsent(
  db: Database,
  programId: string,
  personId: string,
  activity: string,
): Promise<YouthStanding> {
  const standing = await youthStanding(db, programId, personId);
  if (standing.mayTakePart) return standing;
  await recordAudit(db, {
    actorKind: 'person',
    actorId: personId,
    action: 'youth.activity_refused',
    targetType: 'young_person',
    targetId: standing.youngPersonId,
    outcome: 'denied',
    details: { programId, activity, reason: 'consent_not_current' },
  });
  throw new ForbiddenError(NEEDS_CONSENT, { code: 'needs_consent' });
}

export async function myYouthPrograms(
  db: Database,
  actor: SignedIn,
): Promise<MyYouthPrograms['programs']> {
  const rows = await db
    .select({ row: youngPeople, programName: programs.name, support: programs.supportResources })
    .from(youngPeople)
    .innerJoin(programs, eq(programs.id, youngPeople.programId))
    .where(eq(youngPeople.personId, actor.personId));
  const now = Date.now();
  return Promise.all(
    rows.map(async ({ row, programName, support }) => {
      const settings = await findYouthSettings(db, row.programId);
      const minor = isMinorBand(row.ageBand as AgeBand);
      const consent =
        minor && settings
          ? consentViewOf(await loadConsent(db, row.id), now, settings.consentVersion)
          : null;
      const [lead] = settings
        ? await db
            .select({ name: people.name })
            .from(people)
            .where(eq(people.id, settings.safeguardingLeadId))
        : [];
      return {
        programId: row.programId,
        programName,
        displayName: actor.name,
        minor,
        mayTakePart: !minor || consent?.current === true,
        consent,
        supportResources: support,
        safeguardingLeadName: lead?.name ?? '',
      };
    }),
  );
}
