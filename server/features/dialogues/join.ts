import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import type {
  DialoguePreview,
  Joined,
  joinDialogueBody,
} from '../../../shared/dialogues/contract.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import { SECOND_FACTOR_FIRST, type SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ForbiddenError, InvalidError } from '../../platform/errors.ts';
import { addResidentFromLink } from '../invitations/resident.ts';
import { grantMembershipOnce, type ProgramRunners } from '../organisations/service.ts';
import { requireYouthConsent } from '../youth/join.ts';
import { type DialogueRow, dialogueTarget, dialogueWhere, stateOf } from './access.ts';
import { ensureNameFits, participantRoleOf } from './appearance.ts';
import { auditDialogue } from './audit.ts';
import { ensureJoinable, resolveDialogueToken } from './join-token.ts';
import { dialogueParticipants } from './schema.ts';

// Joining a dialogue. By a public dialogue's link, someone with no account becomes a resident
// of the program under the name they chose, and is signed in (as a circle's link does); someone
// signed in joins as themselves. Signed in, the people of the program join its invited and
// public dialogues. Joining again gives back the same participant.

export type JoinDialogue = z.output<typeof joinDialogueBody>;

async function participantOf(db: Database | Transaction, dialogueId: string, personId: string) {
  const [row] = await db
    .select({ id: dialogueParticipants.id })
    .from(dialogueParticipants)
    .where(
      and(
        eq(dialogueParticipants.dialogueId, dialogueId),
        eq(dialogueParticipants.personId, personId),
      ),
    );
  return row?.id ?? null;
}

/** The person's participant: the one they have, or a new one under the role they hold. */
async function takePart(
  tx: Transaction,
  dialogueId: string,
  personId: string,
  body: JoinDialogue,
  role: ParticipantRole,
): Promise<{ participantId: string; isNew: boolean }> {
  const existing = await participantOf(tx, dialogueId, personId);
  if (existing) return { participantId: existing, isNew: false };
  const id = crypto.randomUUID();
  await tx.insert(dialogueParticipants).values({
    id,
    dialogueId,
    personId,
    role,
    displayName: body.displayName,
    neighbourhood: body.neighbourhood,
    language: body.language,
  });
  return { participantId: id, isNew: true };
}

/** POST /api/dialogue-join/preview: what a public link opens, and how the reader would appear. */
export async function previewByToken(
  db: Database,
  token: string,
  actor: SignedIn | null,
): Promise<DialoguePreview> {
  const { dialogue, program } = await resolveDialogueToken(db, token);
  const role = actor ? await participantRoleOf(db, actor.personId) : null;
  return {
    dialogueId: dialogue.id,
    title: dialogue.title,
    description: dialogue.description,
    programName: program.name,
    state: stateOf(dialogue),
    closesAt: dialogue.closesAt.toISOString(),
    languages: dialogue.languages as DialoguePreview['languages'],
    moderation: dialogue.moderation as DialoguePreview['moderation'],
    you: actor ? { name: actor.name, verifiedOfficer: role === 'officer' } : null,
    joined: actor ? (await participantOf(db, dialogue.id, actor.personId)) !== null : false,
  };
}

async function audited(
  tx: Transaction,
  context: AppContext,
  join: {
    personId: string;
    dialogue: DialogueRow;
    program: ProgramRunners;
    by: 'link' | 'account';
    role: ParticipantRole;
    newPerson: boolean;
  },
) {
  await auditDialogue(tx, context, {
    personId: join.personId,
    organisationId: join.program.leadOrganisationId,
    dialogue: join.dialogue,
    action: 'dialogue.joined',
    details: { by: join.by, role: join.role, newPerson: join.newPerson },
  });
}

/**
 * POST /api/dialogue-join. Returns the participant, and the id of a person made now (to be
 * signed in), or null for someone signed in already.
 */
export async function joinByToken(
  context: AppContext,
  body: JoinDialogue,
  signedIn: SignedIn | null,
): Promise<{ joined: Joined; newPersonId: string | null }> {
  if (!body.token) {
    throw new InvalidError([{ field: 'token', message: 'Open the link you were given to join.' }]);
  }
  const { db } = context.database;
  const actor = signedIn && !signedIn.disabled ? signedIn : null;
  const { dialogue, program } = await resolveDialogueToken(db, body.token);
  // Staff take part once their account is protected, as they do everything else.
  if (actor?.secondFactor === 'required') throw new ForbiddenError(SECOND_FACTOR_FIRST);
  const role = actor ? await participantRoleOf(db, actor.personId) : 'resident';
  ensureNameFits(body.displayName, role);
  const target = dialogueTarget(dialogue.id, dialogue.programId, program);
  return db.transaction(async (tx) => {
    const personId =
      actor?.personId ??
      (await addResidentFromLink(tx, {
        programId: program.id,
        organisationId: program.leadOrganisationId,
        name: body.displayName,
        language: body.language,
        grantedBy: dialogue.createdBy,
      }));
    if (actor && !decide(actor, 'dialogue.read', target).allowed) {
      // Someone from elsewhere who came by the link takes part as a resident of the program.
      await grantMembershipOnce(tx, {
        personId,
        organisationId: program.leadOrganisationId,
        programId: program.id,
        role: 'resident',
        grantedBy: dialogue.createdBy,
      });
    }
    const { participantId, isNew } = await takePart(tx, dialogue.id, personId, body, role);
    if (isNew) {
      await audited(tx, context, {
        personId,
        dialogue,
        program,
        by: 'link',
        role,
        newPerson: !actor,
      });
    }
    return {
      joined: { dialogueId: dialogue.id, participantId },
      newPersonId: actor ? null : personId,
    };
  });
}

/** POST /api/dialogues/:id/join, for someone signed in who may take part. */
export async function joinSignedIn(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  body: JoinDialogue,
): Promise<Joined> {
  const { db } = context.database;
  const access = await dialogueWhere(
    db,
    actor,
    dialogueId,
    'dialogue.take_part',
    // Someone who could read an archive learns that it takes no one, rather than that it is
    // not there.
    (found) =>
      found.takePart ||
      found.participant !== null ||
      (found.read && found.dialogue.importedFrom !== null),
  );
  await requireYouthConsent(db, access.dialogue.programId, actor.personId, 'dialogue.join');
  if (access.participant) return { dialogueId, participantId: access.participant.id };
  ensureJoinable(access.dialogue);
  const role = await participantRoleOf(db, actor.personId);
  ensureNameFits(body.displayName, role);
  return db.transaction(async (tx) => {
    const { participantId, isNew } = await takePart(tx, dialogueId, actor.personId, body, role);
    if (isNew) {
      await audited(tx, context, {
        personId: actor.personId,
        dialogue: access.dialogue,
        program: access.program,
        by: 'account',
        role,
        newPerson: false,
      });
    }
    return { dialogueId, participantId };
  });
}
