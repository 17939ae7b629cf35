import type {
  AnswerBody,
  AnswerState,
  QuestionToAnswer,
  RoleGroup,
  SupportedLanguage,
} from '../../../shared/measurement/contract.ts';
import { NEIGHBOURHOOD_MAX } from '../../../shared/measurement/contract.ts';
import { SCALE_MAX, SCALE_MIN } from '../../../shared/measurement/item-bank.ts';

// What a person has answered so far, checked before it is sent (the server checks again), and
// the body the API takes. Answers are kept by question id, so that they survive a change of
// language: the same questions come back in other words.

/** "Prefer not to say": the role and the neighbourhood are both sent as null then. */
export const UNSAID = '';

export interface AnswerDraft {
  scales: Readonly<Record<string, number>>;
  choices: Readonly<Record<string, string>>;
  texts: Readonly<Record<string, string>>;
  /** A role group, or UNSAID. */
  roleGroup: RoleGroup | typeof UNSAID;
  /** One of the survey's neighbourhoods, or UNSAID. */
  neighbourhood: string;
}

export const emptyDraft: AnswerDraft = {
  scales: {},
  choices: {},
  texts: {},
  roleGroup: UNSAID,
  neighbourhood: UNSAID,
};

export type AnswerProblem = 'required' | 'outOfRange' | 'unknownOption' | 'tooLong';

function isScaleValue(value: number): boolean {
  return Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;
}

/** What is wrong with each answer, by question id; an empty object when it can be sent. */
export function checkAnswers(
  questions: readonly QuestionToAnswer[],
  draft: AnswerDraft,
): Record<string, AnswerProblem> {
  const problems: Record<string, AnswerProblem> = {};
  for (const question of questions) {
    if (question.type === 'scale') {
      const value = draft.scales[question.id];
      if (value === undefined) {
        if (question.required) problems[question.id] = 'required';
      } else if (!isScaleValue(value)) {
        problems[question.id] = 'outOfRange';
      }
    } else if (question.type === 'single_choice') {
      const chosen = draft.choices[question.id];
      if (chosen === undefined || chosen === '') {
        if (question.required) problems[question.id] = 'required';
      } else if (!question.options.some((option) => option.id === chosen)) {
        problems[question.id] = 'unknownOption';
      }
    } else {
      const text = (draft.texts[question.id] ?? '').trim();
      if (text.length > question.maxLength) problems[question.id] = 'tooLong';
      else if (text === '' && question.required) problems[question.id] = 'required';
    }
  }
  return problems;
}

/**
 * The body to send: each answered question of this survey, in its group; a question left out is
 * skipped, and an answer kept from a question the survey no longer asks is not sent.
 */
export function answerBodyOf(
  questions: readonly QuestionToAnswer[],
  draft: AnswerDraft,
  language: SupportedLanguage,
  neighbourhoods: readonly string[],
): AnswerBody {
  const scales: Record<string, number> = {};
  const choices: Record<string, string> = {};
  const texts: Record<string, string> = {};
  for (const question of questions) {
    if (question.type === 'scale') {
      const value = draft.scales[question.id];
      if (value !== undefined) scales[question.id] = value;
    } else if (question.type === 'single_choice') {
      const chosen = draft.choices[question.id];
      if (chosen) choices[question.id] = chosen;
    } else {
      const text = (draft.texts[question.id] ?? '').trim();
      if (text !== '') texts[question.id] = text;
    }
  }
  const neighbourhood =
    draft.neighbourhood !== UNSAID &&
    draft.neighbourhood.length <= NEIGHBOURHOOD_MAX &&
    neighbourhoods.includes(draft.neighbourhood)
      ? draft.neighbourhood
      : null;
  return {
    language,
    scales,
    choices,
    texts,
    roleGroup: draft.roleGroup === UNSAID ? null : draft.roleGroup,
    neighbourhood,
  };
}

const answerGroups = ['scales.', 'choices.', 'texts.'] as const;

/**
 * The question a field problem of the answer's body is about: "scales.respect.dignity" is
 * about "respect.dignity" (bank ids have a dot of their own, so only the group is cut off).
 * A bare question id, as a service's own check may name it, is taken as it is.
 */
export function questionIdOfField(
  field: string,
  questions: readonly Pick<QuestionToAnswer, 'id'>[],
): string | null {
  for (const group of answerGroups) {
    if (field.startsWith(group)) {
      const id = field.slice(group.length);
      return questions.some((question) => question.id === id) ? id : null;
    }
  }
  return questions.some((question) => question.id === field) ? field : null;
}

/** The element id of a question's group or input, safe for a URL fragment. */
export function questionElementId(questionId: string): string {
  return `question-${questionId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Seconds a question takes, roughly: a tap for a choice, some thought for written words. */
const SECONDS_TO_TAP = 10;
const SECONDS_TO_WRITE = 45;

/** About how many minutes answering takes, whole, at least one. */
export function minutesToAnswer(questions: readonly QuestionToAnswer[], asksAboutYou: number) {
  const seconds = questions.reduce(
    (sum, question) => sum + (question.type === 'short_text' ? SECONDS_TO_WRITE : SECONDS_TO_TAP),
    asksAboutYou * SECONDS_TO_TAP,
  );
  return Math.max(1, Math.round(seconds / 60));
}

export type ContactLink =
  | { kind: 'phone'; href: string }
  | { kind: 'email'; href: string }
  | { kind: 'web'; href: string }
  | { kind: 'text' };

/**
 * How a support line's contact can be reached with one tap: a number to call, an address to
 * write to, a page to open; anything else is shown as written.
 */
export function contactLink(contact: string): ContactLink {
  const text = contact.trim();
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'web', href: text };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { kind: 'email', href: `mailto:${text}` };
  const digits = text.replace(/[\s().-]/g, '');
  if (/^\+?\d{3,15}$/.test(digits)) return { kind: 'phone', href: `tel:${digits}` };
  return { kind: 'text' };
}

/** A body with no answer at all: the server refuses it, as a respondent who said nothing. */
export function isEmptyAnswer(body: AnswerBody): boolean {
  const count = (group: Record<string, unknown> | undefined) => Object.keys(group ?? {}).length;
  return count(body.scales) + count(body.choices) + count(body.texts) === 0;
}

/**
 * What a refusal of an answer (or of a pulse's start) says about the survey, from the
 * problem's code, else its status: answered already, closed, not open yet, or expired. Null
 * for any other refusal.
 */
export function refusedState(
  status: number,
  code: string | undefined,
): Exclude<AnswerState, 'open'> | null {
  if (code === 'already_answered') return 'answered';
  if (code === 'closed' || code === 'upcoming' || code === 'expired') return code;
  if (status === 409) return 'answered';
  if (status === 410) return 'expired';
  return null;
}
