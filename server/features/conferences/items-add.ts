import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgreementItem, addItemBody } from '../../../shared/conferences/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type FieldMessage, InvalidError } from '../../platform/errors.ts';
import { memberships } from '../organisations/schema.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { type CaseRow, teamCase } from './access.ts';
import { withStep } from './command.ts';
import {
  agreementItemOf,
  itemDescriptionContext,
  itemVerificationContext,
  programToday,
} from './items-read.ts';
import { conferenceInstalments, conferenceItems, conferenceParties } from './schema.ts';

// Adding an item to a case's agreement, while it is written or monitored: the workflow takes
// the item (add_item) in the same transaction as its row, so the item exists exactly when the
// case's timeline says so. Who answers for it is a party still on the case, or an organisation
// that runs the program (or the agency of a misconduct case); the verifier is a person of the
// program. Its words are sealed.

type AddItemBody = z.infer<typeof addItemBody>;

async function isPersonOfProgram(
  db: Database,
  program: ProgramRunners,
  personId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.personId, personId),
        isNull(memberships.revokedAt),
        isNull(people.disabledAt),
        inArray(memberships.organisationId, program.organisationIds),
        or(isNull(memberships.programId), eq(memberships.programId, program.id)),
        // The agency's disciplinary staff reach its view of cases, never a case's own work.
        ne(memberships.role, 'professional_standards'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

function dayRefusals(body: AddItemBody, today: string, now: Date): FieldMessage[] {
  const refusals: FieldMessage[] = [];
  const past = 'This day has passed; choose today or a later day.';
  if (body.dueOn < today) refusals.push({ field: 'dueOn', message: past, code: 'due_in_past' });
  const seen = new Set<string>();
  for (const [index, instalment] of (body.restitution?.instalments ?? []).entries()) {
    const field = `restitution.instalments.${index}.dueOn`;
    if (instalment.dueOn < today) {
      refusals.push({ field, message: past, code: 'due_in_past' });
    } else if (instalment.dueOn > body.dueOn) {
      refusals.push({
        field,
        message: 'Each payment falls on or before the item’s due day.',
        code: 'after_due_day',
      });
    } else if (seen.has(instalment.dueOn)) {
      refusals.push({ field, message: 'Give each payment its own day.', code: 'same_day' });
    }
    seen.add(instalment.dueOn);
  }
  if (body.kind === 'meeting' && body.meetingAt === null) {
    refusals.push({ field: 'meetingAt', message: 'Say when the meeting takes place.' });
  } else if (body.kind !== 'meeting' && body.meetingAt !== null) {
    refusals.push({ field: 'meetingAt', message: 'Only a meeting has a date and time.' });
  } else if (body.meetingAt !== null && new Date(body.meetingAt) < now) {
    refusals.push({
      field: 'meetingAt',
      message: 'This moment has passed; choose a later one.',
      code: 'due_in_past',
    });
  }
  return refusals;
}

async function whoRefusals(
  db: Database,
  conference: CaseRow,
  program: ProgramRunners,
  body: AddItemBody,
): Promise<FieldMessage[]> {
  const refusals: FieldMessage[] = [];
  const { responsible } = body;
  if (responsible.kind === 'party') {
    const [party] = await db
      .select({ id: conferenceParties.id })
      .from(conferenceParties)
      .where(
        and(
          eq(conferenceParties.id, responsible.partyId),
          eq(conferenceParties.conferenceId, conference.id),
          isNull(conferenceParties.removedAt),
        ),
      );
    if (!party) {
      refusals.push({
        field: 'responsible.partyId',
        message: 'Choose a party of this case.',
        code: 'unknown_party',
      });
    }
  } else {
    const answerable = [...program.organisationIds, conference.agencyOrganisationId];
    if (!answerable.includes(responsible.organisationId)) {
      refusals.push({
        field: 'responsible.organisationId',
        message: 'Choose an organisation that runs this program, or the agency of the case.',
        code: 'unknown_organisation',
      });
    }
  }
  if (
    body.verifierPersonId !== null &&
    !(await isPersonOfProgram(db, program, body.verifierPersonId))
  ) {
    refusals.push({
      field: 'verifierPersonId',
      message: 'Choose someone who takes part in this program.',
      code: 'unknown_person',
    });
  }
  return refusals;
}

export async function addAgreementItem(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  body: AddItemBody,
): Promise<AgreementItem> {
  const { db } = context.database;
  const { cipher } = context;
  const { conference, program } = await teamCase(db, actor, conferenceId, 'agreement');
  const today = await programToday(db, conference.programId);
  const refusals = [
    ...dayRefusals(body, today, new Date()),
    ...(await whoRefusals(db, conference, program, body)),
  ];
  if (refusals.length > 0) throw new InvalidError(refusals);
  const itemId = crypto.randomUUID();
  const addItem = { type: 'add_item', itemId } as const;
  const row = await withStep(context, actor.personId, conferenceId, addItem, async (tx) => {
    const [inserted] = await tx
      .insert(conferenceItems)
      .values({
        id: itemId,
        conferenceId,
        kind: body.kind,
        descriptionSealed: cipher.encrypt(body.description, itemDescriptionContext(itemId)),
        responsiblePartyId: body.responsible.kind === 'party' ? body.responsible.partyId : null,
        responsibleOrganisationId:
          body.responsible.kind === 'organisation' ? body.responsible.organisationId : null,
        dueOn: body.dueOn,
        verificationSealed: cipher.encrypt(body.verification, itemVerificationContext(itemId)),
        verifierPersonId: body.verifierPersonId,
        amountCents: body.restitution?.amountCents ?? null,
        currency: body.restitution?.currency ?? null,
        meetingAt: body.meetingAt === null ? null : new Date(body.meetingAt),
        createdBy: actor.personId,
      })
      .returning();
    const instalments = body.restitution?.instalments ?? [];
    if (instalments.length > 0) {
      await tx
        .insert(conferenceInstalments)
        .values(instalments.map((instalment) => ({ itemId, ...instalment })));
    }
    if (!inserted) throw new Error('the agreement item was not stored');
    return inserted;
  });
  return agreementItemOf(db, cipher, conference, row);
}
