import { type ParticipantRole, participantRoles } from '../../../shared/dialogues/analysis.ts';
import type { DialogueReport } from '../../../shared/dialogues/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { reportableDialogue, stateOf } from './access.ts';
import { registeredCommitments } from './dialogue-commitments.ts';
import { analysedResults } from './results.ts';

// The report of a dialogue, for its facilitators and the program's reporters: the figures by
// role and opinion group, never who voted how. An opinion group's members are not sent (its
// size only), and a group or role smaller than the dialogue's threshold shows no figures.

export async function dialogueReport(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
): Promise<DialogueReport> {
  const { db } = context.database;
  const { dialogue } = await reportableDialogue(db, actor, dialogueId);
  const results = await analysedResults(db, dialogue);
  const { analysis, joined } = results;
  const threshold = dialogue.groupThreshold;
  const byRole = Object.fromEntries(
    participantRoles.map((role) => [role, joined[role] >= threshold ? joined[role] : null]),
  ) as Record<ParticipantRole, number | null>;
  const resultOf = new Map(analysis.statements.map((result) => [result.statement, result]));
  return {
    dialogueId: dialogue.id,
    title: dialogue.title,
    state: stateOf(dialogue),
    threshold,
    participants: joined.resident + joined.officer + joined.other,
    byRole,
    votes: results.votes,
    grouped: analysis.grouped,
    opinionGroups: analysis.opinionGroups.map((group) => ({
      id: group.id,
      size: group.shown ? group.members.length : null,
    })),
    statements: results.statements.flatMap((statement) => {
      const result = resultOf.get(statement.id);
      return result ? [{ ...result, ...statement }] : [];
    }),
    commonGround: analysis.commonGround,
    divisive: analysis.divisive,
    synthesis: dialogue.synthesis,
    commitments: await registeredCommitments(context, actor, dialogue),
  };
}
