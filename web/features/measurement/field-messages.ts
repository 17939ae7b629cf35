import type { TFunction } from 'i18next';
import type { QuestionToAnswer } from '../../../shared/measurement/contract.ts';
import {
  NEIGHBOURHOOD_MAX,
  NEIGHBOURHOODS_MAX,
  TITLE_MAX,
} from '../../../shared/measurement/contract.ts';
import {
  CUSTOM_QUESTIONS_MAX,
  GROUP_THRESHOLD_MAX,
  GROUP_THRESHOLD_MIN,
  OPTION_MAX,
  PROMPT_MAX,
  SHORT_TEXT_MAX,
} from '../../../shared/measurement/survey-definition.ts';
import { ApiError, type FieldProblem } from '../../app/api.ts';
import type { AnswerProblem } from './answers.ts';

// The server's field messages are English; measurement's forms show them in the reader's
// language, chosen by the field and its stable code (zod's, or a service's own), with the
// contract's limits. A message this page does not know is shown in the server's words rather
// than not at all.

const tooBig = (code: string | undefined) => code === 'too_big' || code === 'too_long';

/** The language a field's path ends with ("title.es"), named in the reader's language. */
function languageOf(t: TFunction, field: string): string | null {
  const last = field.split('.').at(-1);
  return last === 'en' || last === 'es' ? t(`measurement.languageNames.${last}`) : null;
}

/** The message for one field problem of the new-survey and change-survey forms. */
export function surveyFieldMessage(t: TFunction, problem: FieldProblem): string {
  const { field, code } = problem;
  const language = languageOf(t, field);
  if (/^title(\.\w+)?$/.test(field)) {
    return tooBig(code)
      ? t('measurement.errors.titleLong', { max: TITLE_MAX })
      : language
        ? t('measurement.errors.titleIn', { language })
        : t('measurement.errors.title');
  }
  if (field === 'items' || field.startsWith('items.')) return t('measurement.errors.items');
  if (field === 'customQuestions') {
    return t('measurement.errors.questionsMany', { max: CUSTOM_QUESTIONS_MAX });
  }
  // The program's own questions are named by their place, so the summary says which one.
  const own = /^customQuestions\.(\d+)\.(prompt|options|maxLength)(?:\.(\d+))?/.exec(field);
  if (own) {
    const [, index = '0', part, option] = own;
    const place = { question: Number(index) + 1, option: Number(option ?? '0') + 1 };
    if (part === 'prompt') {
      if (tooBig(code)) return t('measurement.errors.promptLong', { ...place, max: PROMPT_MAX });
      return language
        ? t('measurement.errors.promptIn', { ...place, language })
        : t('measurement.errors.prompt', place);
    }
    if (part === 'maxLength') {
      return t('measurement.errors.maxLength', { ...place, max: SHORT_TEXT_MAX });
    }
    if (option === undefined) {
      return tooBig(code)
        ? t('measurement.errors.optionsMany', place)
        : t('measurement.errors.optionsFew', place);
    }
    if (tooBig(code)) return t('measurement.errors.optionLong', { ...place, max: OPTION_MAX });
    return language
      ? t('measurement.errors.optionIn', { ...place, language })
      : t('measurement.errors.option', place);
  }
  if (/^neighbourhoods\.\d+$/.test(field)) {
    return t('measurement.errors.neighbourhoodLong', { max: NEIGHBOURHOOD_MAX });
  }
  switch (field) {
    case 'kind':
      return t('measurement.errors.kind');
    case 'languages':
      return t('measurement.errors.languages');
    case 'neighbourhoods':
      return tooBig(code)
        ? t('measurement.errors.neighbourhoodsMany', { max: NEIGHBOURHOODS_MAX })
        : t('measurement.errors.neighbourhoodsTwice');
    case 'opensAt':
      return t('measurement.errors.dateTime');
    case 'closesAt':
      if (code === 'in_past') return t('measurement.errors.closesPast');
      if (code === 'survey_closed') return t('measurement.errors.closedStays');
      return code === 'custom' || code === 'closes_before_opens'
        ? t('measurement.errors.closesFirst')
        : t('measurement.errors.dateTime');
    case 'threshold':
      return t('measurement.errors.threshold', {
        min: GROUP_THRESHOLD_MIN,
        max: GROUP_THRESHOLD_MAX,
      });
  }
  return problem.message;
}

/** The message for what the page found wrong with an answer before sending it. */
export function answerProblemMessage(
  t: TFunction,
  problem: AnswerProblem,
  question: QuestionToAnswer,
): string {
  switch (problem) {
    case 'required':
      return t('measurement.answer.errors.required');
    case 'outOfRange':
      return t('measurement.answer.errors.scale');
    case 'unknownOption':
      return t('measurement.answer.errors.choice');
    case 'tooLong':
      return t('measurement.answer.errors.textLong', {
        max: question.type === 'short_text' ? question.maxLength : SHORT_TEXT_MAX,
      });
  }
}

/**
 * The message for one field problem of an answer, from the server: the question it is about
 * (if any) says what kind of answer was expected.
 */
export function answerFieldMessage(
  t: TFunction,
  problem: FieldProblem,
  question: QuestionToAnswer | undefined,
): string {
  if (problem.field === 'roleGroup') return t('measurement.answer.errors.roleGroup');
  if (problem.field === 'neighbourhood') return t('measurement.answer.errors.neighbourhood');
  if (!question) return problem.message;
  if (problem.code === 'required') return answerProblemMessage(t, 'required', question);
  if (question.type === 'scale') return answerProblemMessage(t, 'outOfRange', question);
  if (question.type === 'single_choice') return answerProblemMessage(t, 'unknownOption', question);
  return tooBig(problem.code)
    ? answerProblemMessage(t, 'tooLong', question)
    : t('measurement.answer.errors.text');
}

/**
 * A refused survey form's messages by the form's own fields (`formField` names the field a
 * problem belongs to, in `fieldIds`); problems no field owns are said together. Null when the
 * failure has no field problems, for the form's usual handling.
 */
export function surveyFailure(
  t: TFunction,
  error: unknown,
  fieldIds: Record<string, string>,
  formField: (field: string) => string,
): { fields: Record<string, string>; message?: string } | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const found = error.fieldProblems;
  if (found.length === 0) return null;
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const problem of found) {
    const field = formField(problem.field);
    if (Object.hasOwn(fieldIds, field)) {
      // A problem of no one language ("in at least one language") is said for the language
      // of the input it is shown at; any other keeps its own field, which says more.
      const said = field.startsWith(`${problem.field}.`) ? field : problem.field;
      fields[field] ??= surveyFieldMessage(t, { ...problem, field: said });
    } else {
      others.push(surveyFieldMessage(t, problem));
    }
  }
  return { fields, message: others.length > 0 ? others.join(' ') : undefined };
}
