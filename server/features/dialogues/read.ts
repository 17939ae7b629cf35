import { count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import type { DialogueDetail, DialogueSummary } from '../../../shared/dialogues/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram } from '../organisations/service.ts';
import { accessTo, type DialogueAccess, readableDialogue, stateOf } from './access.ts';
import { participantRoleOf } from './appearance.ts';
import { dialogueParticipants, dialogueReports, dialogueStatements, dialogues } from './schema.ts';

// Reading dialogues: a program's list, and one dialogue's page. The program's staff who report
// on or manage its dialogues see them all; everyone else of the program (residents, officers)
// sees those they may still join (upcoming or open) and those they joined.

interface Counts {
  participants: number;
  statements: number;
  toModerate: number;
}

/** Participants, published statements, and statements waiting for a facilitator, by dialogue. */
export async function countsOf(db: Database, dialogueIds: string[]): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>(
    dialogueIds.map((id) => [id, { participants: 0, statements: 0, toModerate: 0 }]),
  );
  if (dialogueIds.length === 0) return counts;
  const participants = await db
    .select({ dialogueId: dialogueParticipants.dialogueId, n: count() })
    .from(dialogueParticipants)
    .where(inArray(dialogueParticipants.dialogueId, dialogueIds))
    .groupBy(dialogueParticipants.dialogueId);
  const reported = db
    .select({ statementId: dialogueReports.statementId })
    .from(dialogueReports)
    .where(isNull(dialogueReports.resolvedAt));
  const statements = await db
    .select({
      dialogueId: dialogueStatements.dialogueId,
      published: sql<number>`count(*) filter (where ${dialogueStatements.status} = 'accepted')`,
      waiting: sql<number>`count(*) filter (where ${dialogueStatements.status} in ('pending', 'held') or ${dialogueStatements.id} in ${reported})`,
    })
    .from(dialogueStatements)
    .where(inArray(dialogueStatements.dialogueId, dialogueIds))
    .groupBy(dialogueStatements.dialogueId);
  for (const row of participants) {
    const entry = counts.get(row.dialogueId);
    if (entry) entry.participants = Number(row.n);
  }
  for (const row of statements) {
    const entry = counts.get(row.dialogueId);
    if (!entry) continue;
    entry.statements = Number(row.published);
    entry.toModerate = Number(row.waiting);
  }
  return counts;
}

function summaryOf(access: DialogueAccess, counts: Counts | undefined): DialogueSummary {
  const { dialogue } = access;
  return {
    id: dialogue.id,
    programId: dialogue.programId,
    title: dialogue.title,
    state: stateOf(dialogue),
    audience: dialogue.audience as DialogueSummary['audience'],
    opensAt: dialogue.opensAt.toISOString(),
    closesAt: dialogue.closesAt.toISOString(),
    participants: counts?.participants ?? 0,
    statements: counts?.statements ?? 0,
    toModerate: access.manage ? (counts?.toModerate ?? 0) : null,
    joined: access.participant !== null,
  };
}

/** Whether the list shows the dialogue to this reader. */
function listed(access: DialogueAccess): boolean {
  if (access.manage || access.report || access.participant) return true;
  const state = stateOf(access.dialogue);
  return access.takePart && (state === 'upcoming' || state === 'open');
}

/** GET /api/programs/:programId/dialogues, the latest to close first. */
export async function listDialogues(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<DialogueSummary[]> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'dialogue.read', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const rows = await db
    .select()
    .from(dialogues)
    .where(eq(dialogues.programId, programId))
    .orderBy(sql`${dialogues.closesAt} desc`, dialogues.id);
  const shown: DialogueAccess[] = [];
  for (const row of rows) {
    const access = await accessTo(db, actor, row, program);
    if (listed(access)) shown.push(access);
  }
  const counts = await countsOf(
    db,
    shown.map((access) => access.dialogue.id),
  );
  return shown.map((access) => summaryOf(access, counts.get(access.dialogue.id)));
}

/** The page of a dialogue the reader may read, as its access decides. */
export async function detailOf(
  db: Database,
  access: DialogueAccess,
  joinsAs: ParticipantRole | null = null,
): Promise<DialogueDetail> {
  const { dialogue, program, participant } = access;
  const counts = (await countsOf(db, [dialogue.id])).get(dialogue.id);
  return {
    ...summaryOf(access, counts),
    description: dialogue.description,
    programName: program.name,
    moderation: dialogue.moderation as DialogueDetail['moderation'],
    languages: dialogue.languages as DialogueDetail['languages'],
    groupThreshold: dialogue.groupThreshold,
    resultsPublic: dialogue.resultsPublic,
    hasJoinLink: dialogue.joinTokenHash !== null,
    synthesis: dialogue.synthesis,
    source: dialogue.importedFrom,
    can: { moderate: access.manage, readReport: access.report, takePart: access.takePart },
    you: participant
      ? {
          participantId: participant.id,
          role: participant.role as NonNullable<DialogueDetail['you']>['role'],
          displayName: participant.displayName,
          blocked: participant.blockedAt !== null,
        }
      : null,
    joinsAs,
  };
}

/** GET /api/dialogues/:id. */
export async function readDialogue(
  db: Database,
  actor: SignedIn,
  dialogueId: string,
): Promise<DialogueDetail> {
  const access = await readableDialogue(db, actor, dialogueId);
  const mayJoin = access.participant === null && access.takePart;
  return detailOf(db, access, mayJoin ? await participantRoleOf(db, actor.personId) : null);
}
