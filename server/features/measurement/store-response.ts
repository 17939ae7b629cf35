import { scoreResponse, trustIndex } from '../../../shared/measurement/scoring.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { SurveyRow } from './access.ts';
import type { CheckedAnswer } from './answer-check.ts';
import { surveyAnswers, surveyResponses, surveyTexts } from './schema.ts';
import { addTallies, tallyRows } from './tallies.ts';
import type { InvitationRow } from './tokens.ts';

// One response, stored with nothing that leads back to its token or its person
// (docs/decisions/028-measurement.md): a random id, the day only, the role group and the
// neighbourhood, and the process it followed. Its scale and choice answers carry the
// response's facts beside them for the dashboards; its written answers are sealed and kept
// apart, with no response id at all. The dashboards' tallies take the response in the same
// transaction, so that they never disagree with the rows.

/** The context a written answer is sealed under. */
export const surveyTextContext = (textId: string) => `survey_text:${textId}`;

export async function storeResponse(
  tx: Transaction,
  cipher: FieldCipher,
  survey: SurveyRow,
  invitation: Pick<InvitationRow, 'processKind' | 'processId' | 'phase' | 'roleGroup'>,
  answer: CheckedAnswer,
  submittedOn: string,
): Promise<void> {
  const responseId = crypto.randomUUID();
  const roleGroup = invitation.roleGroup ?? answer.roleGroup;
  const shared = {
    surveyId: survey.id,
    programId: survey.programId,
    kind: survey.kind,
    submittedOn,
    roleGroup,
    neighbourhood: answer.neighbourhood,
    phase: invitation.phase,
  };
  const trust = trustIndex(scoreResponse(survey.items, answer.bankAnswers));
  await tx.insert(surveyResponses).values({
    id: responseId,
    ...shared,
    language: answer.language,
    processKind: invitation.processKind,
    processId: invitation.processId,
    trustIndex: trust,
  });
  const rows = [
    ...answer.scales.map((scale) => ({
      questionId: scale.questionId,
      construct: scale.construct,
      value: scale.value,
      score: scale.score,
      choice: null,
    })),
    ...answer.choices.map((choice) => ({
      questionId: choice.questionId,
      construct: null,
      value: null,
      score: null,
      choice: choice.choice,
    })),
  ];
  if (rows.length > 0) {
    await tx.insert(surveyAnswers).values(rows.map((row) => ({ responseId, ...shared, ...row })));
  }
  await addTallies(tx, tallyRows({ ...shared, trustIndex: trust, scales: answer.scales }));
  if (answer.texts.length > 0) {
    await tx.insert(surveyTexts).values(
      answer.texts.map((text) => {
        const id = crypto.randomUUID();
        return {
          id,
          surveyId: survey.id,
          questionId: text.questionId,
          body: cipher.encrypt(text.text, surveyTextContext(id)),
        };
      }),
    );
  }
}
