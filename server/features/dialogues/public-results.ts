import type { PublicResults } from '../../../shared/dialogues/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { findDialogue, stateOf } from './access.ts';
import { publicDialogueCommitments } from './dialogue-commitments.ts';
import { analysedResults } from './results.ts';

// The results anyone may read once the facilitator opted in: the synthesis, the common ground
// with how many agreed overall, and the public commitments. No names, no roles' or groups'
// figures, nothing about any one participant. Until they are published the dialogue is not
// found here, whether or not it exists.

export async function publicResults(
  context: AppContext,
  dialogueId: string,
): Promise<PublicResults> {
  const { db } = context.database;
  const found = await findDialogue(db, dialogueId);
  if (!found?.dialogue.resultsPublic) {
    throw new NotFoundError('These results are not published.');
  }
  const { dialogue, program } = found;
  const results = await analysedResults(db, dialogue);
  const statementOf = new Map(results.statements.map((statement) => [statement.id, statement]));
  const resultOf = new Map(results.analysis.statements.map((result) => [result.statement, result]));
  return {
    title: dialogue.title,
    description: dialogue.description,
    programName: program.name,
    state: stateOf(dialogue),
    participants: results.joined.resident + results.joined.officer + results.joined.other,
    synthesis: dialogue.synthesis,
    commonGround: results.analysis.commonGround.flatMap((id) => {
      const statement = statementOf.get(id);
      const result = resultOf.get(id);
      return statement && result
        ? [
            {
              number: statement.number,
              text: statement.text,
              language: statement.language,
              agreeRate: result.overall.agreeRate,
              agreeInterval: result.overall.agreeInterval,
            },
          ]
        : [];
    }),
    commitments: await publicDialogueCommitments(context, dialogue.id),
    source: dialogue.importedFrom,
  };
}
