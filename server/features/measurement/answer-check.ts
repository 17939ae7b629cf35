import type { z } from 'zod';
import type {
  answerBody,
  RoleGroup,
  SupportedLanguage,
} from '../../../shared/measurement/contract.ts';
import { type Construct, SCALE_MAX, SCALE_MIN } from '../../../shared/measurement/item-bank.ts';
import { type FieldMessage, InvalidError } from '../../platform/errors.ts';
import type { SurveyRow } from './access.ts';
import { askedQuestions } from './questions.ts';
import { asksRoleGroup } from './to-answer.ts';
import type { InvitationRow } from './tokens.ts';

// An answer is checked against the survey it answers, past what the body's schema can know:
// every question id must be one the survey asks, of the right type; a choice one of its
// options; a required question answered; a neighbourhood one of the survey's; a role group
// only where the link asks it. Any fault refuses the whole answer, each named by its field.

export type AnswerInput = z.output<typeof answerBody>;

export interface CheckedAnswer {
  language: SupportedLanguage;
  scales: { questionId: string; value: number; construct: Construct | null; score: number }[];
  choices: { questionId: string; choice: string }[];
  texts: { questionId: string; text: string }[];
  /** The bank items' answers, as scoring reads them. */
  bankAnswers: Record<string, number>;
  roleGroup: RoleGroup | null;
  neighbourhood: string | null;
}

const noQuestion = (field: string, id: string): FieldMessage => ({
  field,
  message: `This survey has no question “${id}” of this kind.`,
  code: 'unknown_question',
});

export function checkAnswer(
  survey: SurveyRow,
  invitation: Pick<InvitationRow, 'roleGroup'>,
  body: AnswerInput,
): CheckedAnswer {
  const asked = askedQuestions(survey);
  const refusals: FieldMessage[] = [];
  const checked: CheckedAnswer = {
    language: body.language,
    scales: [],
    choices: [],
    texts: [],
    bankAnswers: {},
    roleGroup: body.roleGroup,
    neighbourhood: body.neighbourhood === '' ? null : body.neighbourhood,
  };
  for (const [id, value] of Object.entries(body.scales)) {
    const question = asked.get(id);
    if (question?.kind === 'bank') {
      const { item } = question;
      const score = item.reverse ? SCALE_MIN + SCALE_MAX - value : value;
      checked.scales.push({ questionId: id, value, construct: item.construct, score });
      checked.bankAnswers[id] = value;
    } else if (question?.kind === 'custom' && question.question.type === 'scale') {
      checked.scales.push({ questionId: id, value, construct: null, score: value });
    } else {
      refusals.push(noQuestion(`scales.${id}`, id));
    }
  }
  for (const [id, choice] of Object.entries(body.choices)) {
    const question = asked.get(id);
    if (question?.kind !== 'custom' || question.question.type !== 'single_choice') {
      refusals.push(noQuestion(`choices.${id}`, id));
    } else if (!question.question.options.some((option) => option.id === choice)) {
      refusals.push({
        field: `choices.${id}`,
        message: 'Choose one of the answers offered.',
        code: 'unknown_option',
      });
    } else {
      checked.choices.push({ questionId: id, choice });
    }
  }
  for (const [id, text] of Object.entries(body.texts)) {
    const question = asked.get(id);
    if (question?.kind !== 'custom' || question.question.type !== 'short_text') {
      refusals.push(noQuestion(`texts.${id}`, id));
    } else if (text.length > question.question.maxLength) {
      refusals.push({
        field: `texts.${id}`,
        message: `Keep it under ${question.question.maxLength} characters.`,
        code: 'too_big',
      });
    } else if (text !== '') {
      checked.texts.push({ questionId: id, text });
    }
  }
  const answered = new Set(
    [...checked.scales, ...checked.choices, ...checked.texts].map((answer) => answer.questionId),
  );
  // A blank answer would count as a respondent who said nothing.
  if (answered.size === 0 && refusals.length === 0) {
    refusals.push({ field: '', message: 'Answer at least one question.', code: 'empty' });
  }
  for (const question of survey.customQuestions) {
    if (!question.required || answered.has(question.id)) continue;
    const field = { scale: 'scales', single_choice: 'choices', short_text: 'texts' }[question.type];
    refusals.push({
      field: `${field}.${question.id}`,
      message: 'Please answer this question.',
      code: 'required',
    });
  }
  if (!survey.languages.includes(body.language)) {
    refusals.push({
      field: 'language',
      message: 'Answer in one of the survey’s languages.',
      code: 'unknown_language',
    });
  }
  if (checked.roleGroup !== null && !asksRoleGroup(invitation)) {
    refusals.push({
      field: 'roleGroup',
      message: 'This survey does not ask who you are: leave it out.',
      code: 'not_asked',
    });
  }
  if (checked.neighbourhood !== null && !survey.neighbourhoods.includes(checked.neighbourhood)) {
    refusals.push({
      field: 'neighbourhood',
      message: 'Choose one of the neighbourhoods listed, or leave it out.',
      code: 'unknown_neighbourhood',
    });
  }
  if (refusals.length > 0) throw new InvalidError(refusals);
  return checked;
}
