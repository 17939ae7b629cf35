import { and, eq } from 'drizzle-orm';
import type { DialogueState } from '../../../shared/dialogues/contract.ts';
import { decide, type Target } from '../../../shared/permissions/decide.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { requireYouthConsent } from '../youth/join.ts';
import { dialogueParticipants, dialogues } from './schema.ts';

// Who may do what with a dialogue; every dialogues route asks here. The permission table decides
// on the dialogue's program, then the dialogue narrows it: its creator and the program's
// managers moderate it; the program's reporters read its results; the program's people take
// part in an invited dialogue, and anyone who came by the public link in a public one (they
// became residents of the program by it). A participant who was blocked reads but does nothing.

export type DialogueRow = typeof dialogues.$inferSelect;
export type ParticipantRow = typeof dialogueParticipants.$inferSelect;
type Executor = Database | Transaction;

export interface DialogueAccess {
  dialogue: DialogueRow;
  program: ProgramRunners;
  /** The actor's part in it, once they joined. */
  participant: ParticipantRow | null;
  /** Moderate, change, close, write the synthesis, publish the results. */
  manage: boolean;
  /** Read the report and its export. */
  report: boolean;
  /** Join it now, or go on taking part (not blocked, the program still lets them). */
  takePart: boolean;
  read: boolean;
}

/** Where a dialogue stands at `now`: an imported one is archived from the start. */
export function stateOf(
  dialogue: Pick<DialogueRow, 'opensAt' | 'closesAt' | 'importedFrom'>,
  now: Date = new Date(),
): DialogueState {
  if (dialogue.importedFrom !== null) return 'archived';
  if (now < dialogue.opensAt) return 'upcoming';
  return now < dialogue.closesAt ? 'open' : 'closed';
}

/** The permission target of a dialogue: its program, with everyone who runs it. */
export function dialogueTarget(
  dialogueId: string,
  programId: string,
  program: ProgramRunners | undefined,
): Target & { type: string; id: string } {
  return { ...programTarget(programId, program), type: 'dialogue', id: dialogueId };
}

export async function findDialogue(db: Executor, dialogueId: string) {
  const [dialogue] = await db.select().from(dialogues).where(eq(dialogues.id, dialogueId));
  const program = dialogue && (await findProgram(db, dialogue.programId));
  return dialogue && program ? { dialogue, program } : undefined;
}

/** The actor's relation to a loaded dialogue; nothing is refused here. */
export async function accessTo(
  db: Executor,
  actor: SignedIn,
  dialogue: DialogueRow,
  program: ProgramRunners,
): Promise<DialogueAccess> {
  const [participant] = await db
    .select()
    .from(dialogueParticipants)
    .where(
      and(
        eq(dialogueParticipants.dialogueId, dialogue.id),
        eq(dialogueParticipants.personId, actor.personId),
      ),
    );
  const target = dialogueTarget(dialogue.id, dialogue.programId, program);
  const allowed = (action: Action) => decide(actor, action, target).allowed;
  const manage =
    allowed('dialogue.manage') ||
    (dialogue.createdBy === actor.personId && allowed('dialogue.create'));
  const report = manage || allowed('dialogue.report');
  const inProgram = allowed('dialogue.take_part');
  const takePart =
    dialogue.importedFrom === null &&
    !participant?.blockedAt &&
    (inProgram || (participant !== undefined && dialogue.audience === 'public'));
  return {
    dialogue,
    program,
    participant: participant ?? null,
    manage,
    report,
    takePart,
    read: manage || allowed('dialogue.read') || participant !== undefined,
  };
}

/**
 * The dialogue when `may` lets the actor in. Otherwise the table is asked for `action`: a
 * refusal is 403 and audited, whether or not the dialogue exists; someone the table lets
 * through whom the dialogue does not is told it is not found.
 */
export async function dialogueWhere(
  db: Database,
  actor: SignedIn,
  dialogueId: string,
  action: Action,
  may: (access: DialogueAccess) => boolean,
): Promise<DialogueAccess> {
  const found = await findDialogue(db, dialogueId);
  const access = found && (await accessTo(db, actor, found.dialogue, found.program));
  if (access && may(access)) return access;
  const target = dialogueTarget(dialogueId, found?.dialogue.programId ?? '', found?.program);
  await authorize(db, actor, action, target);
  throw new NotFoundError('There is no such dialogue.');
}

export const readableDialogue = (db: Database, actor: SignedIn, dialogueId: string) =>
  dialogueWhere(db, actor, dialogueId, 'dialogue.read', (access) => access.read);

export const manageableDialogue = (db: Database, actor: SignedIn, dialogueId: string) =>
  dialogueWhere(db, actor, dialogueId, 'dialogue.manage', (access) => access.manage);

export const reportableDialogue = (db: Database, actor: SignedIn, dialogueId: string) =>
  dialogueWhere(db, actor, dialogueId, 'dialogue.report', (access) => access.report);

/**
 * The actor's part in a dialogue they take part in, for voting, writing and reporting: 404 for
 * someone who cannot read it, 409 for someone who has not joined, was blocked, or for a
 * dialogue that is not open.
 */
export async function participation(
  db: Database,
  actor: SignedIn,
  dialogueId: string,
): Promise<DialogueAccess & { participant: ParticipantRow }> {
  const access = await readableDialogue(db, actor, dialogueId);
  const { participant } = access;
  if (!participant) {
    throw new ConflictError('Join the dialogue first.', { code: 'not_joined' });
  }
  if (participant.blockedAt) {
    throw new ConflictError(
      'A facilitator has stopped your part in this dialogue. You can still read it.',
      { code: 'blocked' },
    );
  }
  if (!access.takePart) {
    // Someone who left the program (or whose role there ended) no longer takes part in its
    // invited dialogues; a public one stays open to whoever joined it by its link.
    throw new ForbiddenError('You no longer take part in this program’s dialogues.', {
      code: 'not_in_program',
    });
  }
  await requireYouthConsent(db, access.dialogue.programId, actor.personId, 'dialogue.take_part');
  ensureOpen(access.dialogue);
  return { ...access, participant };
}

/** 409 unless the dialogue is open now, with words for each way it is not. */
export function ensureOpen(dialogue: DialogueRow, now: Date = new Date()): void {
  const state = stateOf(dialogue, now);
  if (state === 'open') return;
  const words: Record<Exclude<DialogueState, 'open'>, string> = {
    upcoming: 'This dialogue has not opened yet.',
    closed: 'This dialogue has closed: its results stay, and nothing more can be added.',
    archived: 'This dialogue is an archive of an earlier conversation: it takes no new votes.',
  };
  throw new ConflictError(words[state], { code: `dialogue_${state}` });
}
