import {
  type CommitmentDetail,
  type CreateCommitmentBody,
  LATEST_DUE_YEARS,
} from '../../../shared/commitments/contract.ts';
import { addDays } from '../../../shared/commitments/days.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { type FieldMessage, InvalidError } from '../../platform/errors.ts';
import { authorizedProgram, type ProgramAccess } from './access.ts';
import { announce } from './announce.ts';
import { appendEvent } from './history.ts';
import { detailOf, eligibleOwners, todayOf } from './read.ts';
import { commitments } from './schema.ts';

// Recording a commitment: the one way in for every feature (a circle's harvest, a conference's
// agreement, a dialogue's synthesis) and for staff entering one by hand.

async function ownerOf(
  tx: Transaction,
  access: ProgramAccess,
  owner: CreateCommitmentBody['owner'],
): Promise<{ organisationId: string; personId: string | null; unit: string }> {
  const { program } = access;
  if (owner.kind === 'organisation') {
    if (!program.organisationIds.includes(owner.organisationId)) {
      throw new InvalidError([
        { field: 'owner', message: 'Choose one of the organisations that run this program.' },
      ]);
    }
    return { organisationId: owner.organisationId, personId: null, unit: owner.unit };
  }
  const [member] = await eligibleOwners(tx, program.id, program.organisationIds, owner.personId);
  if (!member) {
    throw new InvalidError([
      { field: 'owner', message: 'Choose someone who takes part in this program.' },
    ]);
  }
  return { organisationId: member.organisationId, personId: member.personId, unit: '' };
}

function refusalsOf(body: CreateCommitmentBody, today: string): FieldMessage[] {
  const refusals: FieldMessage[] = [];
  if (body.dueOn < today) {
    refusals.push({
      field: 'dueOn',
      message: 'This day has passed; choose today or a later day.',
      code: 'due_in_past',
    });
  } else if (body.dueOn > addDays(today, 365 * LATEST_DUE_YEARS)) {
    refusals.push({
      field: 'dueOn',
      message: `Choose a day within ${LATEST_DUE_YEARS} years.`,
      code: 'due_too_far',
    });
  }
  if (body.source === 'manual' && body.sourceId !== null) {
    refusals.push({ field: 'sourceId', message: 'A commitment entered by hand has no source.' });
  }
  if (body.source !== 'manual' && body.sourceId === null) {
    refusals.push({ field: 'sourceId', message: 'Name the circle, conference or dialogue.' });
  }
  if (body.source === 'conference' && body.visibility === 'public' && !body.publicVersion) {
    refusals.push({
      field: 'publicVersion',
      message:
        'A conference is confidential: publish only a version without names that every party agreed to.',
      code: 'conference_needs_public_version',
    });
  }
  return refusals;
}

/**
 * Records a commitment in a program for `actor`, who needs 'commitment.create' there. Pass the
 * caller's transaction to record it with the caller's own change (a harvest's approval, say).
 */
export async function createCommitment(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: CreateCommitmentBody,
  outer?: Transaction,
): Promise<CommitmentDetail> {
  const { db } = context.database;
  // Inside the caller's transaction, read through it: the embedded database has one connection.
  const access = await authorizedProgram(outer ?? db, actor, 'commitment.create', programId);
  const refusals = refusalsOf(body, todayOf(context));
  if (refusals.length > 0) throw new InvalidError(refusals);
  const id = crypto.randomUUID();
  const work = async (tx: Transaction) => {
    const owner = await ownerOf(tx, access, body.owner);
    const [row] = await tx
      .insert(commitments)
      .values({
        id,
        programId,
        title: body.title,
        description: body.description,
        source: body.source,
        sourceId: body.sourceId,
        sourceLabel: body.sourceLabel,
        ownerOrganisationId: owner.organisationId,
        ownerUnit: owner.unit,
        ownerPersonId: owner.personId,
        visibility: body.visibility,
        publicTitle: body.publicVersion?.title ?? null,
        publicDescription: body.publicVersion?.description ?? null,
        dueOn: body.dueOn,
        createdBy: actor.personId,
      })
      .returning();
    if (!row) throw new Error('the commitment was not stored');
    const eventId = await appendEvent(tx, id, actor.personId, {
      type: 'created',
      dueOn: body.dueOn,
    });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'commitment.created',
        targetType: 'commitment',
        targetId: id,
        outcome: 'succeeded',
        details: { programId, source: body.source, visibility: body.visibility },
      },
      tx,
    );
    await announce(context, tx, row, [eventId]);
    return detailOf(context, actor, row, access, tx);
  };
  return outer ? work(outer) : db.transaction(work);
}
