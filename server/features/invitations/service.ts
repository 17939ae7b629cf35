import { desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  CreateInvitationBody,
  InvitationState,
  InvitationSummary,
} from '../../../shared/invitations/contract.ts';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { decide, type Target } from '../../../shared/permissions/decide.ts';
import { isStaffRole, type Role } from '../../../shared/permissions/roles.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programs } from '../organisations/schema.ts';
import {
  findOrganisation,
  findProgram,
  type ProgramRunners,
  programsRunBy,
} from '../organisations/service.ts';
import { invitations } from './schema.ts';
import { acceptLinkFor, newInvitationToken } from './token.ts';

export type InvitationRow = typeof invitations.$inferSelect;

/** Revoked outranks used, which outranks expired: the state says why it cannot be used. */
export function stateOf(invitation: InvitationRow, now = new Date()): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.uses >= invitation.maxUses) return 'used';
  if (invitation.expiresAt <= now) return 'expired';
  return 'open';
}

/** Who may act on an invitation: its organisation, and its program with all who run it. */
function targetOf(
  invitation: Pick<InvitationRow, 'id' | 'organisationId' | 'programId'>,
  program: ProgramRunners | undefined,
): Target & { type: string; id: string } {
  return {
    type: 'invitation',
    id: invitation.id,
    organisationId: invitation.organisationId,
    ...(invitation.programId
      ? { programId: invitation.programId, programOrganisationIds: program?.organisationIds ?? [] }
      : {}),
  };
}

const inviters = alias(people, 'inviters');

async function summariesWhere(
  db: Database | Transaction,
  where: SQL,
): Promise<InvitationSummary[]> {
  const rows = await db
    .select({ invitation: invitations, programName: programs.name, createdByName: inviters.name })
    .from(invitations)
    .innerJoin(inviters, eq(inviters.id, invitations.createdBy))
    .leftJoin(programs, eq(programs.id, invitations.programId))
    .where(where)
    .orderBy(desc(invitations.createdAt));
  const now = new Date();
  return rows.map(({ invitation, programName, createdByName }) => ({
    id: invitation.id,
    delivery: invitation.delivery,
    email: invitation.email,
    role: invitation.role as Role,
    organisationId: invitation.organisationId,
    programId: invitation.programId,
    programName,
    maxUses: invitation.maxUses,
    uses: invitation.uses,
    expiresAt: invitation.expiresAt.toISOString(),
    state: stateOf(invitation, now),
    createdByName,
    createdAt: invitation.createdAt.toISOString(),
  }));
}

async function summaryOf(db: Database | Transaction, invitationId: string) {
  const [summary] = await summariesWhere(db, eq(invitations.id, invitationId));
  if (!summary) throw new NotFoundError('There is no such invitation.');
  return summary;
}

const DAY_MS = 86_400_000;

/**
 * Invites someone to a role in the organisation, or in one program it runs. An email invitation
 * is written and its email put in the outbox in one transaction: there is never one without the
 * other. A link invitation's address is returned once and never again.
 */
export async function createInvitation(
  context: Pick<AppContext, 'mail' | 'config'>,
  db: Database,
  actor: SignedIn,
  organisationId: string,
  request: CreateInvitationBody,
): Promise<{ invitation: InvitationSummary; link: string | null }> {
  // Admins and roles across the organisation are the admin's to give; a coordinator invites
  // into a program they coordinate.
  const invitedProgramId = request.role === 'org_admin' ? null : request.programId;
  const program = request.programId === null ? undefined : await findProgram(db, request.programId);
  await authorize(
    db,
    actor,
    'invitation.create',
    invitedProgramId === null
      ? { type: 'organisation', id: organisationId, organisationId }
      : {
          type: 'program',
          id: invitedProgramId,
          organisationId,
          programId: invitedProgramId,
          programOrganisationIds: program?.organisationIds ?? [],
        },
  );
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation) throw new NotFoundError('There is no such organisation.');
  if (request.programId !== null && !program?.organisationIds.includes(organisationId)) {
    throw new InvalidError([
      { field: 'programId', message: 'This organisation runs no program with that id.' },
    ]);
  }
  if (request.role === 'org_admin' && request.programId !== null) {
    throw new InvalidError([
      {
        field: 'programId',
        message: 'An organisation admin is invited to the whole organisation.',
      },
    ]);
  }
  if (request.delivery === 'email' && isPlaceholderEmail(request.email)) {
    throw new InvalidError([
      { field: 'email', message: 'This address cannot receive email. Share a link instead.' },
    ]);
  }
  if (request.role === 'officer' && organisation.kind !== 'police_agency') {
    throw new InvalidError([
      { field: 'role', message: 'Only a police agency can invite someone as an officer.' },
    ]);
  }

  const { token, tokenHash } = newInvitationToken();
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + request.expiresInDays * DAY_MS);
  const link = acceptLinkFor(context.config.publicUrl, token);
  await db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      id,
      organisationId,
      programId: request.programId,
      role: request.role,
      delivery: request.delivery,
      email: request.delivery === 'email' ? request.email.toLowerCase() : null,
      tokenHash,
      language: request.language,
      maxUses: request.delivery === 'link' ? request.maxUses : 1,
      expiresAt,
      createdBy: actor.personId,
    });
    if (request.delivery === 'email') {
      await context.mail.send(
        {
          to: request.email,
          template: 'invitation',
          language: request.language,
          data: {
            inviterName: actor.name,
            programName: program?.name ?? organisation.name,
            link,
            expiresAt,
            ...(isStaffRole(request.role) ? { staffRole: request.role } : {}),
          },
        },
        { tx },
      );
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: id,
        outcome: 'succeeded',
        details: { delivery: request.delivery, role: request.role, programId: request.programId },
      },
      tx,
    );
  });
  return {
    invitation: await summaryOf(db, id),
    link: request.delivery === 'link' ? link : null,
  };
}

/**
 * The organisation's invitations that the actor may see: an admin sees all; a coordinator those
 * of the programs they coordinate. Someone who reaches none of it is refused.
 */
export async function listInvitations(
  db: Database,
  actor: SignedIn,
  organisationId: string,
): Promise<InvitationSummary[]> {
  const organisationTarget = { type: 'organisation', id: organisationId, organisationId };
  const runBy = await programsRunBy(db, organisationId);
  const programById = new Map(runBy.map((program) => [program.id, program]));
  const reachesSome =
    decide(actor, 'invitation.list', organisationTarget).allowed ||
    runBy.some(
      (program) =>
        decide(
          actor,
          'invitation.list',
          targetOf({ id: program.id, organisationId, programId: program.id }, program),
        ).allowed,
    );
  if (!reachesSome) await authorize(db, actor, 'invitation.list', organisationTarget);
  const all = await summariesWhere(db, eq(invitations.organisationId, organisationId));
  return all.filter(
    (invitation) =>
      decide(
        actor,
        'invitation.list',
        targetOf(
          invitation,
          invitation.programId ? programById.get(invitation.programId) : undefined,
        ),
      ).allowed,
  );
}

/** Withdraws an invitation, so that its link no longer works. */
export async function revokeInvitation(
  db: Database,
  actor: SignedIn,
  invitationId: string,
): Promise<InvitationSummary> {
  const [stored] = await db.select().from(invitations).where(eq(invitations.id, invitationId));
  if (!stored) throw new NotFoundError('There is no such invitation.');
  const program = stored.programId ? await findProgram(db, stored.programId) : undefined;
  await authorize(db, actor, 'invitation.revoke', targetOf(stored, program));
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.id, invitationId))
      .for('update');
    if (!locked) throw new NotFoundError('There is no such invitation.');
    const state = stateOf(locked);
    if (state === 'revoked') throw new ConflictError('This invitation was already revoked.');
    if (state === 'used') {
      throw new ConflictError('This invitation has been used: there is nothing left to revoke.');
    }
    await tx
      .update(invitations)
      .set({ revokedAt: new Date(), revokedBy: actor.personId })
      .where(eq(invitations.id, invitationId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: stored.organisationId,
        action: 'invitation.revoked',
        targetType: 'invitation',
        targetId: invitationId,
        outcome: 'succeeded',
        details: { delivery: stored.delivery, role: stored.role, usesBefore: locked.uses },
      },
      tx,
    );
  });
  return summaryOf(db, invitationId);
}
