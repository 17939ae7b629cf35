import type { z } from 'zod';
import type { VoteChoice, voteBody } from '../../../shared/dialogues/contract.ts';
import { votes } from '../../../shared/dialogues/matrix.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { participation } from './access.ts';
import { announceDialogueChange } from './changes.ts';
import { ensureVoteAllowed } from './limits.ts';
import { dialogueVotes } from './schema.ts';
import { ensurePublished, statementIn } from './statement-state.ts';

// A vote on a published statement: agree, disagree or pass. A participant may change it: the
// row is replaced, so the analysis counts their latest. Votes are not audited (audit.ts says
// why); the live report is told once the vote is saved.

export type Vote = z.output<typeof voteBody>;

export async function castVote(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  statementId: string,
  body: Vote,
): Promise<{ vote: VoteChoice }> {
  const { db } = context.database;
  const { participant } = await participation(db, actor, dialogueId);
  await db.transaction(async (tx) => {
    // Locked, so that a statement taken down at this moment does not take a vote after.
    ensurePublished(await statementIn(tx, dialogueId, statementId, 'share'));
    await ensureVoteAllowed(tx, participant.id);
    const value = votes[body.vote];
    const votedAt = new Date();
    await tx
      .insert(dialogueVotes)
      .values({ dialogueId, statementId, participantId: participant.id, vote: value, votedAt })
      .onConflictDoUpdate({
        target: [dialogueVotes.statementId, dialogueVotes.participantId],
        set: { vote: value, votedAt },
      });
  });
  await announceDialogueChange(context, dialogueId, 'vote');
  return { vote: body.vote };
}
