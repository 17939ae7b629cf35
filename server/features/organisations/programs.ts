import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  OrganisationKind,
  OrganisationResponse,
  PartnerChoice,
  ProgramSummary,
  updateProgramRequest,
} from '../../../shared/organisations/contract.ts';
import type { Target } from '../../../shared/permissions/decide.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { organisations, programOrganisations, programs } from './schema.ts';
import { createOrganisation, findProgram, type ProgramRunners, programsRunBy } from './service.ts';

// Programs are run by a lead organisation with partners (an agency and a community group). The
// lead is written as a row of program_organisations too, but read from the program itself.

type Executor = Database | Transaction;

/**
 * The permission target of a program, as stored. A program that does not exist is a target no
 * one reaches, so it is refused like any other: the answer does not tell whether it exists.
 */
export function programTarget(programId: string, program: ProgramRunners | undefined) {
  return {
    type: 'program',
    id: programId,
    programId,
    organisationId: program?.leadOrganisationId,
    programOrganisationIds: program?.organisationIds ?? [],
  } satisfies Target & { type: string; id: string };
}

async function loadAuthorizedProgram(
  db: Database,
  actor: SignedIn,
  action: 'program.read' | 'program.update',
  programId: string,
): Promise<ProgramRunners> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, action, programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return program;
}

/** Summaries of the programs, each with every organisation that runs it, the lead first. */
export async function programSummaries(
  db: Executor,
  programIds: readonly string[],
): Promise<ProgramSummary[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .select({
      program: programs,
      lead: { id: organisations.id, name: organisations.name, kind: organisations.kind },
    })
    .from(programs)
    .innerJoin(organisations, eq(organisations.id, programs.leadOrganisationId))
    .where(inArray(programs.id, [...programIds]))
    .orderBy(asc(programs.name), asc(programs.id));
  const partners = await db
    .select({
      programId: programOrganisations.programId,
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(programOrganisations)
    .innerJoin(organisations, eq(organisations.id, programOrganisations.organisationId))
    .where(inArray(programOrganisations.programId, [...programIds]))
    .orderBy(asc(programOrganisations.addedAt), asc(organisations.name));
  const ref = (organisation: { id: string; name: string; kind: string }) => ({
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind as OrganisationKind,
  });
  return rows.map(({ program, lead }) => ({
    id: program.id,
    name: program.name,
    description: program.description,
    leadOrganisation: ref(lead),
    organisations: [
      ref(lead),
      ...partners
        .filter((partner) => partner.programId === program.id && partner.id !== lead.id)
        .map(ref),
    ],
    timeZone: program.timeZone,
    transcriptRetentionDays: program.transcriptRetentionDays,
    supportResources: program.supportResources,
    createdAt: program.createdAt.toISOString(),
  }));
}

export async function readOrganisation(
  db: Database,
  actor: SignedIn,
  organisationId: string,
): Promise<OrganisationResponse> {
  await authorize(db, actor, 'organisation.read', {
    type: 'organisation',
    id: organisationId,
    organisationId,
  });
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new NotFoundError('There is no such organisation.');
  return {
    ...organisation,
    kind: organisation.kind as OrganisationKind,
    programs: await programSummaries(
      db,
      (await programsRunBy(db, organisationId)).map((program) => program.id),
    ),
  };
}

/**
 * Every organisation here, by name, for an organisation admin choosing a program partner.
 * Names and kinds are what a program's public page shows anyway; nothing else is listed.
 */
export async function organisationDirectoryFor(db: Database, actor: SignedIn) {
  const administered = actor.memberships.find(
    (membership) => membership.role === 'org_admin' && membership.programId === null,
  );
  await authorize(db, actor, 'organisation.directory', {
    type: 'organisation',
    id: 'directory',
    organisationId: administered?.organisationId,
  });
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.name));
  return rows.map((row) => ({ ...row, kind: row.kind as OrganisationKind }));
}

/**
 * The organisation a partner choice names: an existing one (which must exist), or a new one
 * created now. `field` is where a wrong choice is reported.
 */
async function partnerOrganisationId(
  tx: Transaction,
  choice: PartnerChoice,
  field: string,
): Promise<string> {
  if (!('organisationId' in choice)) return createOrganisation(tx, choice);
  const [existing] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, choice.organisationId));
  if (!existing) throw new InvalidError([{ field, message: 'There is no such organisation.' }]);
  return existing.id;
}

export async function createProgram(
  db: Database,
  actor: SignedIn,
  leadOrganisationId: string,
  request: {
    name: string;
    description: string;
    partners: PartnerChoice[];
    /** Where its circles meet: the installation's TIME_ZONE, until the program sets its own. */
    timeZone?: string;
  },
): Promise<ProgramSummary> {
  await authorize(db, actor, 'program.create', {
    type: 'organisation',
    id: leadOrganisationId,
    organisationId: leadOrganisationId,
  });
  const programId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(programs).values({
      id: programId,
      name: request.name,
      description: request.description,
      leadOrganisationId,
      ...(request.timeZone ? { timeZone: request.timeZone } : {}),
    });
    await tx.insert(programOrganisations).values({ programId, organisationId: leadOrganisationId });
    const runners = new Set([leadOrganisationId]);
    for (const [index, choice] of request.partners.entries()) {
      const field = `partners.${index}.organisationId`;
      const partnerId = await partnerOrganisationId(tx, choice, field);
      if (runners.has(partnerId)) {
        throw new InvalidError([
          { field, message: 'This organisation already runs the program; choose it once.' },
        ]);
      }
      runners.add(partnerId);
      await tx.insert(programOrganisations).values({ programId, organisationId: partnerId });
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: leadOrganisationId,
        action: 'program.created',
        targetType: 'program',
        targetId: programId,
        outcome: 'succeeded',
        details: { partnerOrganisationIds: [...runners].slice(1) },
      },
      tx,
    );
  });
  return summaryOf(db, programId);
}

export async function readProgram(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<ProgramSummary> {
  await loadAuthorizedProgram(db, actor, 'program.read', programId);
  return summaryOf(db, programId);
}

async function summaryOf(db: Database, programId: string): Promise<ProgramSummary> {
  const [summary] = await programSummaries(db, [programId]);
  if (!summary) throw new NotFoundError('There is no such program.');
  return summary;
}

export async function updateProgram(
  db: Database,
  actor: SignedIn,
  programId: string,
  change: z.output<typeof updateProgramRequest>,
): Promise<ProgramSummary> {
  const program = await loadAuthorizedProgram(db, actor, 'program.update', programId);
  const changed = Object.fromEntries(
    Object.entries(change).filter(([, value]) => value !== undefined),
  ) as Partial<z.output<typeof updateProgramRequest>>;
  const fields = Object.keys(changed);
  await db.transaction(async (tx) => {
    await tx.update(programs).set(changed).where(eq(programs.id, programId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'program.updated',
        targetType: 'program',
        targetId: programId,
        outcome: 'succeeded',
        details: { fields },
      },
      tx,
    );
  });
  return summaryOf(db, programId);
}

export async function addPartner(
  db: Database,
  actor: SignedIn,
  programId: string,
  choice: PartnerChoice,
): Promise<ProgramSummary> {
  const program = await findProgram(db, programId);
  // Only the lead organisation's admin brings partners in.
  await authorize(db, actor, 'organisation.add_partner', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  await db.transaction(async (tx) => {
    const partnerId = await partnerOrganisationId(tx, choice, 'organisationId');
    const [already] = await tx
      .select({ id: programOrganisations.organisationId })
      .from(programOrganisations)
      .where(
        and(
          eq(programOrganisations.programId, programId),
          eq(programOrganisations.organisationId, partnerId),
        ),
      );
    if (already) throw new ConflictError('This organisation already runs the program.');
    await tx.insert(programOrganisations).values({ programId, organisationId: partnerId });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'program.partner_added',
        targetType: 'program',
        targetId: programId,
        outcome: 'succeeded',
        details: { partnerOrganisationId: partnerId, created: !('organisationId' in choice) },
      },
      tx,
    );
  });
  return summaryOf(db, programId);
}
