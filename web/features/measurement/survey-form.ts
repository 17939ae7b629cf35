import type { CreateSurveyBody, SupportedLanguage } from '../../../shared/measurement/contract.ts';
import {
  type Construct,
  constructs,
  type Item,
  itemsFor,
  type ScaleKind,
  type SurveyKind,
} from '../../../shared/measurement/item-bank.ts';
import {
  type CustomQuestion,
  GROUP_THRESHOLD_DEFAULT,
} from '../../../shared/measurement/survey-definition.ts';
import { localToInstant } from '../dialogues/figures.ts';

// The new-survey form: what the coordinator has typed, and the body sent from it. The server
// checks everything and names each field at fault; the form only shapes what was typed (ids for
// the program's own questions, the title and prompts in the chosen languages only).

export type Translated = Partial<Record<SupportedLanguage, string>>;
export type CustomQuestionType = CustomQuestion['type'];
export const customQuestionTypes: readonly CustomQuestionType[] = [
  'scale',
  'single_choice',
  'short_text',
];

export interface OptionDraft {
  /** Stable while the form is open: React's key, and the option's id once sent. */
  key: string;
  label: Translated;
}

export interface CustomQuestionDraft {
  key: string;
  type: CustomQuestionType;
  prompt: Translated;
  scale: ScaleKind;
  options: OptionDraft[];
  /** As typed; empty means the longest the API allows. */
  maxLength: string;
  required: boolean;
}

export interface SurveyForm {
  kind: SurveyKind;
  languages: SupportedLanguage[];
  title: Translated;
  items: string[];
  customQuestions: CustomQuestionDraft[];
  /** datetime-local values, in the device's time; closesAt empty: open until closed. */
  opensAt: string;
  closesAt: string;
  threshold: string;
  /** One neighbourhood a line, for a pulse. */
  neighbourhoods: string;
}

/** Every bank item written for the kind, chosen from the start: a coordinator unticks. */
export function formFor(kind: SurveyKind, languages: SupportedLanguage[], opensAt: string) {
  return {
    kind,
    languages,
    title: {},
    items: itemsFor(kind).map((item) => item.id),
    customQuestions: [],
    opensAt,
    closesAt: '',
    threshold: String(GROUP_THRESHOLD_DEFAULT),
    neighbourhoods: '',
  } satisfies SurveyForm;
}

/** Another kind: the bank items that no longer fit go, and all of the new kind's are offered. */
export function withKind(form: SurveyForm, kind: SurveyKind): SurveyForm {
  if (kind === form.kind) return form;
  return { ...form, kind, items: itemsFor(kind).map((item) => item.id) };
}

/** The kind's bank items by construct, in the bank's order; constructs without one are left out. */
export function itemsByConstruct(kind: SurveyKind): { construct: Construct; items: Item[] }[] {
  const fitting = itemsFor(kind);
  return constructs.flatMap((construct) => {
    const items = fitting.filter((item) => item.construct === construct);
    return items.length > 0 ? [{ construct, items }] : [];
  });
}

/** A fresh key no other question (or option) of the list has: q1, q2, … */
export function nextKey(prefix: string, taken: readonly { key: string }[]): string {
  const used = new Set(taken.map((each) => each.key));
  let index = taken.length + 1;
  while (used.has(`${prefix}${index}`)) index += 1;
  return `${prefix}${index}`;
}

export function newCustomQuestion(taken: readonly CustomQuestionDraft[]): CustomQuestionDraft {
  return {
    key: nextKey('q', taken),
    type: 'scale',
    prompt: {},
    scale: 'agreement',
    options: [
      { key: 'o1', label: {} },
      { key: 'o2', label: {} },
    ],
    maxLength: '',
    required: false,
  };
}

/** The neighbourhoods typed, one a line, without blank lines. */
export function neighbourhoodLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Only the chosen languages' words: a language unticked after typing is not sent. */
function inLanguages(text: Translated, languages: readonly SupportedLanguage[]): Translated {
  const kept: Translated = {};
  for (const language of languages) {
    const words = text[language];
    if (words !== undefined && words.trim() !== '') kept[language] = words;
  }
  return kept;
}

function customQuestionBody(
  draft: CustomQuestionDraft,
  languages: readonly SupportedLanguage[],
): CreateSurveyBody['customQuestions'] extends (infer Q)[] | undefined ? Q : never {
  const base = {
    id: draft.key,
    prompt: inLanguages(draft.prompt, languages),
    required: draft.required,
  };
  if (draft.type === 'scale') return { ...base, type: 'scale', scale: draft.scale };
  if (draft.type === 'single_choice') {
    return {
      ...base,
      type: 'single_choice',
      options: draft.options.map((option) => ({
        id: option.key,
        label: inLanguages(option.label, languages),
      })),
    };
  }
  const maxLength = draft.maxLength.trim();
  return {
    ...base,
    type: 'short_text',
    ...(maxLength === '' ? {} : { maxLength: Number(maxLength) }),
  };
}

/** The POST body; what cannot be read (a threshold of "ten") is sent so the server names it. */
export function createBodyOf(form: SurveyForm): CreateSurveyBody {
  const chosen = new Set(form.items);
  const threshold = form.threshold.trim();
  return {
    kind: form.kind,
    title: inLanguages(form.title, form.languages),
    // In the bank's order, whatever order they were ticked in; none that does not fit the kind.
    items: itemsFor(form.kind)
      .filter((item) => chosen.has(item.id))
      .map((item) => item.id),
    customQuestions: form.customQuestions.map((draft) => customQuestionBody(draft, form.languages)),
    languages: form.languages,
    opensAt: localToInstant(form.opensAt),
    closesAt: form.closesAt.trim() === '' ? null : localToInstant(form.closesAt),
    threshold: threshold === '' ? undefined : Number(threshold),
    neighbourhoods: form.kind === 'pulse' ? neighbourhoodLines(form.neighbourhoods) : [],
  };
}

/** The element ids of the form's parts, shared by the form and the map below. */
export const surveyFieldIds = {
  kind: 'survey-kind',
  languages: 'survey-languages',
  title: (language: SupportedLanguage) => `survey-title-${language}`,
  items: 'survey-items',
  customQuestions: 'survey-custom-add',
  question: (index: number) => `survey-question-${index}`,
  prompt: (index: number, language: SupportedLanguage) => `survey-question-${index}-${language}`,
  options: (index: number) => `survey-question-${index}-options`,
  option: (index: number, option: number, language: SupportedLanguage) =>
    `survey-question-${index}-option-${option}-${language}`,
  maxLength: (index: number) => `survey-question-${index}-max`,
  neighbourhoods: 'survey-neighbourhoods',
  opensAt: 'survey-opens-at',
  closesAt: 'survey-closes-at',
  threshold: 'survey-threshold',
};

/**
 * The API's field names (as its problems name them) to the form's inputs, in the order they
 * appear on the page, for the current form: the error summary follows this order. Each input
 * appears once; `formFieldOf` says which of these a problem's field belongs to.
 */
export function fieldIdsOf(form: SurveyForm): Record<string, string> {
  const ids: Record<string, string> = {
    kind: surveyFieldIds.kind,
    languages: surveyFieldIds.languages,
  };
  for (const language of form.languages) ids[`title.${language}`] = surveyFieldIds.title(language);
  ids.items = surveyFieldIds.items;
  form.customQuestions.forEach((draft, index) => {
    const question = `customQuestions.${index}`;
    ids[question] = surveyFieldIds.question(index);
    for (const language of form.languages) {
      ids[`${question}.prompt.${language}`] = surveyFieldIds.prompt(index, language);
    }
    if (draft.type === 'single_choice') {
      ids[`${question}.options`] = surveyFieldIds.options(index);
      draft.options.forEach((_option, optionIndex) => {
        for (const language of form.languages) {
          ids[`${question}.options.${optionIndex}.label.${language}`] = surveyFieldIds.option(
            index,
            optionIndex,
            language,
          );
        }
      });
    }
    if (draft.type === 'short_text') ids[`${question}.maxLength`] = surveyFieldIds.maxLength(index);
  });
  ids.customQuestions = surveyFieldIds.customQuestions;
  if (form.kind === 'pulse') ids.neighbourhoods = surveyFieldIds.neighbourhoods;
  ids.opensAt = surveyFieldIds.opensAt;
  ids.closesAt = surveyFieldIds.closesAt;
  ids.threshold = surveyFieldIds.threshold;
  return ids;
}

/**
 * The form's field (a key of `fieldIdsOf`) that a problem's field belongs to: a whole title or
 * prompt goes to its first language, one neighbourhood to the list, one bank item to the picker.
 */
export function formFieldOf(field: string, form: Pick<SurveyForm, 'languages'>): string {
  const first = form.languages[0] ?? 'en';
  if (field === 'title') return `title.${first}`;
  if (/^neighbourhoods\.\d+$/.test(field)) return 'neighbourhoods';
  if (/^items\.\d+$/.test(field)) return 'items';
  const question = /^(customQuestions\.\d+)(?:\.(.*))?$/.exec(field);
  if (!question) return field;
  const [, base, rest = ''] = question;
  if (rest === 'id' || rest === 'type') return `${base}`;
  if (rest === 'prompt') return `${base}.prompt.${first}`;
  const option = /^options\.(\d+)(?:\.(.*))?$/.exec(rest);
  if (!option) return field;
  const [, optionIndex, optionRest = ''] = option;
  return optionRest === 'label'
    ? `${base}.options.${optionIndex}.label.${first}`
    : optionRest.startsWith('label.')
      ? field
      : `${base}.options`;
}

/** Words in the reader's language, else in the first language they were written in. */
export function pickTranslation(text: Translated, language: string): string {
  const wanted = text[language as SupportedLanguage];
  if (wanted) return wanted;
  return Object.values(text).find((words) => words !== undefined && words !== '') ?? '';
}
