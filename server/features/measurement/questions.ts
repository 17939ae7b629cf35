import type { QuestionToAnswer, SupportedLanguage } from '../../../shared/measurement/contract.ts';
import { findItem, type Item, scales } from '../../../shared/measurement/item-bank.ts';
import type { CustomQuestion } from '../../../shared/measurement/survey-definition.ts';
import type { SurveyRow } from './access.ts';

// A survey's questions in the order asked: the bank's items first (in the project's words),
// then the program's own. Answering reads them in one language; storing an answer looks each
// one up by id.

export type AskedQuestion =
  | { kind: 'bank'; item: Item }
  | { kind: 'custom'; question: CustomQuestion };

export function askedQuestions(survey: Pick<SurveyRow, 'items' | 'customQuestions'>) {
  const asked = new Map<string, AskedQuestion>();
  for (const id of survey.items) {
    const item = findItem(id);
    if (item) asked.set(id, { kind: 'bank', item });
  }
  for (const question of survey.customQuestions) {
    asked.set(question.id, { kind: 'custom', question });
  }
  return asked;
}

/** Words written in the survey's languages, in the one asked, else any there is. */
const wordsIn = (text: Partial<Record<SupportedLanguage, string>>, language: SupportedLanguage) =>
  text[language] ?? Object.values(text)[0] ?? '';

export function questionToAnswer(
  asked: AskedQuestion,
  language: SupportedLanguage,
): QuestionToAnswer {
  if (asked.kind === 'bank') {
    const { item } = asked;
    return {
      type: 'scale',
      id: item.id,
      prompt: item[language],
      scale: item.scale,
      labels: scales[item.scale].map((point) => point[language]),
      required: false,
    };
  }
  const { question } = asked;
  const prompt = wordsIn(question.prompt, language);
  switch (question.type) {
    case 'scale':
      return {
        type: 'scale',
        id: question.id,
        prompt,
        scale: question.scale,
        labels: scales[question.scale].map((point) => point[language]),
        required: question.required,
      };
    case 'single_choice':
      return {
        type: 'single_choice',
        id: question.id,
        prompt,
        options: question.options.map((option) => ({
          id: option.id,
          label: wordsIn(option.label, language),
        })),
        required: question.required,
      };
    case 'short_text':
      return {
        type: 'short_text',
        id: question.id,
        prompt,
        maxLength: question.maxLength,
        required: question.required,
      };
  }
}

export const titleIn = (
  survey: Pick<SurveyRow, 'title' | 'languages'>,
  language: SupportedLanguage,
): string => wordsIn(survey.title, language);

/** The language asked for when the survey offers it, else the survey's first. */
export function languageFor(
  survey: Pick<SurveyRow, 'languages'>,
  asked: string | undefined,
): SupportedLanguage {
  const offered = survey.languages as SupportedLanguage[];
  if (asked && offered.includes(asked as SupportedLanguage)) return asked as SupportedLanguage;
  return offered[0] ?? 'en';
}
