import { eq, sql } from 'drizzle-orm';
import type {
  ConferenceSettings,
  ReferralLink,
  saveSettingsBody,
} from '../../../shared/conferences/contract.ts';
import {
  defaultCommunityRules,
  defaultMisconductRules,
  type HarmRule,
  type ScriptOrder,
} from '../../../shared/conferences/names.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findOrganisation, findProgram, type ProgramRunners } from '../organisations/service.ts';
import { conferenceSettings } from './schema.ts';
import { newConferenceToken, referralPageFor } from './token.ts';

// How a program runs conferences: whether it hears complaints about officers' conduct (and the
// agency whose disciplinary staff the firewall keeps out), the harm categories screening checks
// a referral against, who speaks first, and its public referral link. A program that has saved
// nothing yet runs as a community program with the community rules.

type Executor = Database | Transaction;
type SettingsBody = (typeof saveSettingsBody)['_output'];

const defaultRulesFor = (misconduct: boolean): HarmRule[] => [
  ...(misconduct ? defaultMisconductRules : defaultCommunityRules),
];

/** A program's settings as stored, or the defaults. */
export async function settingsOf(db: Executor, programId: string): Promise<ConferenceSettings> {
  const [row] = await db
    .select()
    .from(conferenceSettings)
    .where(eq(conferenceSettings.programId, programId));
  if (!row) {
    return {
      programId,
      misconduct: false,
      agencyOrganisationId: null,
      rules: defaultRulesFor(false),
      scriptOrder: 'harmed_first',
      hasReferralLink: false,
    };
  }
  return {
    programId,
    misconduct: row.misconduct,
    agencyOrganisationId: row.agencyOrganisationId,
    rules: row.rules,
    scriptOrder: row.scriptOrder as ScriptOrder,
    hasReferralLink: row.referralTokenHash !== null,
  };
}

async function configurableProgram(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<ProgramRunners> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'conference.configure', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return program;
}

export async function readSettings(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<ConferenceSettings> {
  await configurableProgram(db, actor, programId);
  return settingsOf(db, programId);
}

/** The agency of a misconduct program: a police agency that runs the program. */
async function checkedAgency(
  db: Database,
  program: ProgramRunners,
  agencyOrganisationId: string | null,
): Promise<string> {
  const field = 'agencyOrganisationId';
  if (agencyOrganisationId === null) {
    throw new InvalidError([
      { field, message: 'Choose the police agency whose officers’ conduct the program hears.' },
    ]);
  }
  const agency = program.organisationIds.includes(agencyOrganisationId)
    ? await findOrganisation(db, agencyOrganisationId)
    : undefined;
  if (agency?.kind !== 'police_agency') {
    throw new InvalidError([
      { field, message: 'Choose a police agency that runs this program.', code: 'not_an_agency' },
    ]);
  }
  return agency.id;
}

async function audit(
  db: Database,
  tx: Transaction,
  actor: SignedIn,
  program: ProgramRunners,
  action: string,
  details: Record<string, string | number | boolean>,
) {
  await recordAudit(
    db,
    {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: program.leadOrganisationId,
      action,
      targetType: 'program',
      targetId: program.id,
      outcome: 'succeeded',
      details,
    },
    tx,
  );
}

/**
 * PUT /api/programs/:programId/conference-settings. No rules given means the default rule set
 * of the kind of program: a program turned into a misconduct program starts with the misconduct
 * rules. The referral link is kept as it is.
 */
export async function saveSettings(
  db: Database,
  actor: SignedIn,
  programId: string,
  body: SettingsBody,
): Promise<ConferenceSettings> {
  const program = await configurableProgram(db, actor, programId);
  const agencyOrganisationId = body.misconduct
    ? await checkedAgency(db, program, body.agencyOrganisationId)
    : null;
  const rules = body.rules.length > 0 ? body.rules : defaultRulesFor(body.misconduct);
  const saved = {
    misconduct: body.misconduct,
    agencyOrganisationId,
    rules,
    scriptOrder: body.scriptOrder,
    updatedBy: actor.personId,
    updatedAt: sql`now()`,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(conferenceSettings)
      .values({ programId, ...saved })
      .onConflictDoUpdate({ target: conferenceSettings.programId, set: saved });
    await audit(db, tx, actor, program, 'conference.settings_saved', {
      misconduct: body.misconduct,
      rules: rules.length,
      eligibleRules: rules.filter((rule) => rule.eligible).length,
    });
  });
  return settingsOf(db, programId);
}

/**
 * POST .../conference-settings/referral-link: a new public referral link, shown once; the old
 * one stops working. Only the token's hash is kept.
 */
export async function newReferralLink(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<ReferralLink> {
  const { db } = context.database;
  const program = await configurableProgram(db, actor, programId);
  const { token, tokenHash } = newConferenceToken();
  await db.transaction(async (tx) => {
    await tx
      .insert(conferenceSettings)
      .values({
        programId,
        rules: defaultRulesFor(false),
        referralTokenHash: tokenHash,
        updatedBy: actor.personId,
      })
      .onConflictDoUpdate({
        target: conferenceSettings.programId,
        set: { referralTokenHash: tokenHash, updatedBy: actor.personId, updatedAt: sql`now()` },
      });
    await audit(db, tx, actor, program, 'conference.referral_link_created', {});
  });
  return { url: referralPageFor(context.config.publicUrl, token) };
}
