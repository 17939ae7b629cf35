import { z } from 'zod';
// Text in the languages a survey offers; the survey checks that each of its languages is here.
import { languageField as language, translatedWords as translated } from '../about/text-fields.ts';
import { findItem, scaleKinds, surveyKinds } from './item-bank.ts';

// What a coordinator sets up: which kind of survey, which bank items, the program's own
// questions, in which languages, when it opens and closes, and the smallest group whose figures
// are shown. Bank items are referred to by id only, so their words stay the project's.

export const PROMPT_MAX = 300;
export const OPTION_MAX = 120;
export const SHORT_TEXT_MAX = 500;
export const ITEMS_MAX = 40;
export const CUSTOM_QUESTIONS_MAX = 10;

/** The smallest group whose figures are shown (issue 9). */
export const GROUP_THRESHOLD_DEFAULT = 10;
/**
 * A program may raise the threshold, and lower it no further than this: a single circle has
 * 5 to 30 people, and a program of small circles would otherwise never see its own results.
 */
export const GROUP_THRESHOLD_MIN = 5;
export const GROUP_THRESHOLD_MAX = 100;

/**
 * Custom ids have no dot, and every bank id has one (construct.name), so a program's question can
 * never be stored under, or mistaken for, a bank item.
 */
const customId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Use lowercase letters, digits, - and _ (up to 40).');

const choiceOption = z.object({ id: customId, label: translated(OPTION_MAX, 'the option') });

export const customQuestion = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('scale'),
    id: customId,
    prompt: translated(PROMPT_MAX, 'the question'),
    /** The same labelled 5-point scales as the bank's items. */
    scale: z.enum(scaleKinds),
    required: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('single_choice'),
    id: customId,
    prompt: translated(PROMPT_MAX, 'the question'),
    options: z
      .array(choiceOption)
      .min(2, 'Give at least two options.')
      .max(10, 'Give at most ten options.')
      .refine((list) => new Set(list.map((o) => o.id)).size === list.length, {
        message: 'Give each option its own id.',
      }),
    required: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('short_text'),
    id: customId,
    prompt: translated(PROMPT_MAX, 'the question'),
    maxLength: z.number().int().min(1).max(SHORT_TEXT_MAX).default(SHORT_TEXT_MAX),
    required: z.boolean().default(false),
  }),
]);
export type CustomQuestion = z.output<typeof customQuestion>;

const instant = z.iso.datetime({ offset: true, error: 'Give a date and time.' });

export const surveyDefinition = z
  .object({
    kind: z.enum(surveyKinds, { error: 'Choose the kind of survey.' }),
    items: z.array(z.string()).max(ITEMS_MAX),
    customQuestions: z.array(customQuestion).max(CUSTOM_QUESTIONS_MAX).default([]),
    languages: z
      .array(language)
      .min(1, 'Choose at least one language.')
      .refine((list) => new Set(list).size === list.length, 'Name each language once.'),
    threshold: z
      .number()
      .int()
      .min(GROUP_THRESHOLD_MIN, `The smallest group shown is at least ${GROUP_THRESHOLD_MIN}.`)
      .max(GROUP_THRESHOLD_MAX)
      .default(GROUP_THRESHOLD_DEFAULT),
    opensAt: instant,
    /** Null: open until a coordinator closes it (a standing community pulse). */
    closesAt: instant.nullable().default(null),
  })
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.items.forEach((id, index) => {
      const item = findItem(id);
      if (!item) {
        ctx.addIssue({ code: 'custom', path: ['items', index], message: `No item ${id}.` });
      } else if (!item.fits.includes(survey.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index],
          message: `The item ${id} is not written for this kind of survey.`,
        });
      }
      if (seen.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['items', index], message: `${id} is listed twice.` });
      }
      seen.add(id);
    });
    if (survey.items.length + survey.customQuestions.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'Ask at least one question.' });
    }
    survey.customQuestions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customQuestions', index, 'id'],
          message: `${question.id} is used twice.`,
        });
      }
      seen.add(question.id);
      // A person answering in Spanish must read every question and option in Spanish.
      for (const lang of survey.languages) {
        if (!question.prompt[lang]) {
          ctx.addIssue({
            code: 'custom',
            path: ['customQuestions', index, 'prompt', lang],
            message: `Write the question in every language of the survey (${lang}).`,
          });
        }
        if (question.type === 'single_choice') {
          question.options.forEach((option, optionIndex) => {
            if (!option.label[lang]) {
              ctx.addIssue({
                code: 'custom',
                path: ['customQuestions', index, 'options', optionIndex, 'label', lang],
                message: `Write every option in every language of the survey (${lang}).`,
              });
            }
          });
        }
      }
    });
    if (survey.closesAt !== null && Date.parse(survey.closesAt) <= Date.parse(survey.opensAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesAt'],
        message: 'The survey must close after it opens.',
      });
    }
  });
export type SurveyDefinitionInput = z.input<typeof surveyDefinition>;
export type SurveyDefinition = z.output<typeof surveyDefinition>;
