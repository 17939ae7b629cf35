import { eq } from 'drizzle-orm';
import type { YouthSettingsBody, YouthSettingsView } from '../../../shared/youth/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { keepersOf } from '../circles/people.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { askGuardiansAgain } from './members.ts';
import { youthPrograms } from './schema.ts';

// A youth program's settings. Saving them again with different words, retention, meeting rules
// or consent period makes a new version of what guardians agree to: every consent of an earlier
// version stops counting, and each guardian is asked again.

type YouthAction = 'youth.configure' | 'youth.manage' | 'youth.read' | 'youth.report';
export type YouthProgramRow = typeof youthPrograms.$inferSelect;

/** The program, once the table lets the actor `action` it (403, then 404). */
export async function youthProgramFor(
  db: Database,
  actor: SignedIn,
  programId: string,
  action: YouthAction,
): Promise<ProgramRunners> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, action, programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return program;
}

export async function findYouthSettings(
  db: Database | Transaction,
  programId: string,
): Promise<YouthProgramRow | undefined> {
  const [row] = await db.select().from(youthPrograms).where(eq(youthPrograms.programId, programId));
  return row;
}

/** The settings of a program that must be a youth program: 409 if it is not (yet). */
export async function requireYouthSettings(
  db: Database | Transaction,
  programId: string,
): Promise<YouthProgramRow> {
  const settings = await findYouthSettings(db, programId);
  if (!settings) {
    throw new InvalidError(
      [{ field: '', message: 'Set this program up as a youth program first.', code: 'not_youth' }],
      'This program is not a youth program yet.',
    );
  }
  return settings;
}

async function viewOf(
  db: Database | Transaction,
  row: YouthProgramRow,
): Promise<YouthSettingsView> {
  const [lead] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.id, row.safeguardingLeadId));
  return {
    programId: row.programId,
    minAge: row.minAge,
    maxAge: row.maxAge,
    safeguardingLead: lead ?? { id: row.safeguardingLeadId, name: '' },
    twoAdultsPresent: row.twoAdultsPresent,
    openPlacesOnly: row.openPlacesOnly,
    guardianSeesMentoring: row.guardianSeesMentoring,
    retentionDays: row.retentionDays,
    consentValidDays: row.consentValidDays,
    aboutForGuardians: row.aboutForGuardians,
    consentVersion: row.consentVersion,
  };
}

export async function readYouthSettings(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<YouthSettingsView | null> {
  await youthProgramFor(db, actor, programId, 'youth.read');
  const row = await findYouthSettings(db, programId);
  return row ? viewOf(db, row) : null;
}

/** Whether a guardian would read something different from what they agreed to. */
const guardianWouldReadOtherwise = (before: YouthProgramRow, after: YouthSettingsBody) =>
  before.aboutForGuardians !== after.aboutForGuardians ||
  before.retentionDays !== after.retentionDays ||
  before.guardianSeesMentoring !== after.guardianSeesMentoring ||
  before.twoAdultsPresent !== after.twoAdultsPresent ||
  before.openPlacesOnly !== after.openPlacesOnly ||
  before.consentValidDays !== after.consentValidDays;

export async function saveYouthSettings(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: YouthSettingsBody,
): Promise<YouthSettingsView> {
  const { db } = context.database;
  const program = await youthProgramFor(db, actor, programId, 'youth.configure');
  const [lead] = await keepersOf(db, program, [body.safeguardingLeadId]);
  if (!lead) {
    throw new InvalidError([
      {
        field: 'safeguardingLeadId',
        message:
          'Choose a coordinator, facilitator or administrator of this program as the safeguarding lead.',
        code: 'not_staff',
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(youthPrograms)
      .where(eq(youthPrograms.programId, programId))
      .for('update');
    const consentVersion = before
      ? before.consentVersion + (guardianWouldReadOtherwise(before, body) ? 1 : 0)
      : 1;
    const values = { ...body, consentVersion, updatedBy: actor.personId, updatedAt: new Date() };
    const [saved] = await tx
      .insert(youthPrograms)
      .values({ programId, ...values })
      .onConflictDoUpdate({ target: youthPrograms.programId, set: values })
      .returning();
    if (!saved) throw new Error('The youth settings were not saved');
    const askedAgain =
      before && consentVersion !== before.consentVersion
        ? await askGuardiansAgain(context, tx, program, saved)
        : 0;
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.settings_saved',
        targetType: 'program',
        targetId: programId,
        outcome: 'succeeded',
        details: { consentVersion, askedAgain },
      },
      tx,
    );
    return viewOf(tx, saved);
  });
}
