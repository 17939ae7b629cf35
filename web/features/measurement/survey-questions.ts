import type { SurveyDetail } from '../../../shared/measurement/contract.ts';
import {
  type Construct,
  findItem,
  type ScaleKind,
  scales,
} from '../../../shared/measurement/item-bank.ts';
import { pickTranslation } from './survey-form.ts';

// A survey's questions as staff read them on its page and beside its results: the bank's items
// in the reader's language, then the program's own questions in the words they were written in.

export interface QuestionText {
  id: string;
  prompt: string;
  /** What a bank item measures; null for the program's own questions. */
  construct: Construct | null;
  /** The labelled scale it is answered on; null for a choice or a written answer. */
  scale: ScaleKind | null;
  options: { id: string; label: string }[] | null;
}

const isSpanish = (language: string) => language === 'es';

export function surveyQuestions(
  survey: Pick<SurveyDetail, 'items' | 'customQuestions'>,
  language: string,
): QuestionText[] {
  const bank = survey.items.flatMap((id): QuestionText[] => {
    const item = findItem(id);
    if (!item) return [];
    return [
      {
        id,
        prompt: isSpanish(language) ? item.es : item.en,
        construct: item.construct,
        scale: item.scale,
        options: null,
      },
    ];
  });
  const own = survey.customQuestions.map(
    (question): QuestionText => ({
      id: question.id,
      prompt: pickTranslation(question.prompt, language),
      construct: null,
      scale: question.type === 'scale' ? question.scale : null,
      options:
        question.type === 'single_choice'
          ? question.options.map((option) => ({
              id: option.id,
              label: pickTranslation(option.label, language),
            }))
          : null,
    }),
  );
  return [...bank, ...own];
}

/** An answer's words: a scale's point ("Agree" for 4), a choice's label; else as counted. */
export function answerLabel(question: QuestionText, value: string, language: string): string {
  if (question.scale) {
    const point = scales[question.scale].find((each) => String(each.value) === value);
    if (point) return isSpanish(language) ? point.es : point.en;
  }
  const option = question.options?.find((each) => each.id === value);
  return option ? option.label : value;
}
