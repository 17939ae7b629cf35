import { describe, expect, it } from 'vitest';
import type { QuestionToAnswer } from '../../../shared/measurement/contract.ts';
import {
  type AnswerDraft,
  answerBodyOf,
  checkAnswers,
  contactLink,
  emptyDraft,
  isEmptyAnswer,
  minutesToAnswer,
  questionElementId,
  questionIdOfField,
  refusedState,
  UNSAID,
} from './answers.ts';

const labels = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

const questions: QuestionToAnswer[] = [
  {
    type: 'scale',
    id: 'respect.dignity',
    prompt: 'The police treat people with dignity.',
    scale: 'agreement',
    labels,
    required: true,
  },
  {
    type: 'scale',
    id: 'voice.listens',
    prompt: 'The police listen.',
    scale: 'agreement',
    labels,
    required: false,
  },
  {
    type: 'single_choice',
    id: 'visits',
    prompt: 'How did you hear of us?',
    options: [
      { id: 'poster', label: 'A poster' },
      { id: 'friend', label: 'A friend' },
    ],
    required: true,
  },
  { type: 'short_text', id: 'more', prompt: 'Anything else?', maxLength: 10, required: false },
];

const draft = (changes: Partial<AnswerDraft>): AnswerDraft => ({ ...emptyDraft, ...changes });

describe('checking answers before they are sent', () => {
  it('asks for the required questions only', () => {
    expect(checkAnswers(questions, emptyDraft)).toEqual({
      'respect.dignity': 'required',
      visits: 'required',
    });
  });

  it('accepts a survey with every required question answered and the rest left out', () => {
    const answered = draft({ scales: { 'respect.dignity': 4 }, choices: { visits: 'poster' } });
    expect(checkAnswers(questions, answered)).toEqual({});
  });

  it('refuses a scale answer outside 1 to 5, or not whole', () => {
    const found = checkAnswers(
      questions,
      draft({
        scales: { 'respect.dignity': 6, 'voice.listens': 2.5 },
        choices: { visits: 'friend' },
      }),
    );
    expect(found).toEqual({ 'respect.dignity': 'outOfRange', 'voice.listens': 'outOfRange' });
  });

  it('refuses an option the question does not offer', () => {
    const found = checkAnswers(
      questions,
      draft({ scales: { 'respect.dignity': 1 }, choices: { visits: 'radio' } }),
    );
    expect(found).toEqual({ visits: 'unknownOption' });
  });

  it('counts a written answer as the server does, without the spaces around it', () => {
    const base = { scales: { 'respect.dignity': 3 }, choices: { visits: 'poster' } };
    expect(checkAnswers(questions, draft({ ...base, texts: { more: '  eleven char  ' } }))).toEqual(
      {
        more: 'tooLong',
      },
    );
    expect(checkAnswers(questions, draft({ ...base, texts: { more: '  0123456789 ' } }))).toEqual(
      {},
    );
  });
});

describe('the body of an answer', () => {
  it('sends only what was answered, trimmed, in the survey’s language', () => {
    const body = answerBodyOf(
      questions,
      draft({
        scales: { 'respect.dignity': 5, 'no.longer.asked': 2 },
        choices: { visits: 'friend' },
        texts: { more: '  thanks ' },
      }),
      'es',
      [],
    );
    expect(body).toEqual({
      language: 'es',
      scales: { 'respect.dignity': 5 },
      choices: { visits: 'friend' },
      texts: { more: 'thanks' },
      roleGroup: null,
      neighbourhood: null,
    });
  });

  it('sends "prefer not to say" as null, and a neighbourhood only from the survey’s list', () => {
    const unsaid = answerBodyOf(questions, draft({ roleGroup: UNSAID }), 'en', ['Elm']);
    expect(unsaid.roleGroup).toBeNull();
    const said = answerBodyOf(
      questions,
      draft({ roleGroup: 'officer', neighbourhood: 'Elm' }),
      'en',
      ['Elm', 'Oak'],
    );
    expect(said).toMatchObject({ roleGroup: 'officer', neighbourhood: 'Elm' });
    const elsewhere = answerBodyOf(questions, draft({ neighbourhood: 'Pine' }), 'en', ['Elm']);
    expect(elsewhere.neighbourhood).toBeNull();
  });

  it('leaves out a blank written answer, and is empty with nothing answered', () => {
    const body = answerBodyOf(questions, draft({ texts: { more: '   ' } }), 'en', []);
    expect(body.texts).toEqual({});
    expect(isEmptyAnswer(body)).toBe(true);
    const chosen = answerBodyOf(questions, draft({ choices: { visits: 'poster' } }), 'en', []);
    expect(isEmptyAnswer(chosen)).toBe(false);
  });
});

describe('field problems of an answer', () => {
  it('finds the question of a bank item, whose id has a dot of its own', () => {
    expect(questionIdOfField('scales.respect.dignity', questions)).toBe('respect.dignity');
    expect(questionIdOfField('choices.visits', questions)).toBe('visits');
    expect(questionIdOfField('texts.more', questions)).toBe('more');
  });

  it('takes a bare question id, and nothing for a field of no question', () => {
    expect(questionIdOfField('visits', questions)).toBe('visits');
    expect(questionIdOfField('scales.unknown.item', questions)).toBeNull();
    expect(questionIdOfField('language', questions)).toBeNull();
  });

  it('makes element ids a fragment can point at', () => {
    expect(questionElementId('respect.dignity')).toBe('question-respect-dignity');
    expect(questionElementId('my_q-1')).toBe('question-my_q-1');
  });
});

describe('how long answering takes', () => {
  it('says at least one minute', () => {
    expect(minutesToAnswer([], 0)).toBe(1);
  });

  it('counts a tap for each choice and more for written answers', () => {
    // 3 taps and a written answer and 2 questions about the person: 30 + 45 + 20 = 95 seconds.
    expect(minutesToAnswer(questions, 2)).toBe(2);
  });
});

describe('support contacts', () => {
  it('calls a phone number, whatever its spacing', () => {
    expect(contactLink('988')).toEqual({ kind: 'phone', href: 'tel:988' });
    expect(contactLink('+1 (555) 010-2030')).toEqual({ kind: 'phone', href: 'tel:+15550102030' });
  });

  it('writes to an address and opens a page', () => {
    expect(contactLink('help@example.org')).toEqual({
      kind: 'email',
      href: 'mailto:help@example.org',
    });
    expect(contactLink('https://example.org/help')).toEqual({
      kind: 'web',
      href: 'https://example.org/help',
    });
  });

  it('shows anything else as written', () => {
    expect(contactLink('Ask at the front desk')).toEqual({ kind: 'text' });
    expect(contactLink('javascript:alert(1)')).toEqual({ kind: 'text' });
  });
});

describe('a refused answer', () => {
  it('says what the survey’s state is, by the problem’s code', () => {
    expect(refusedState(409, 'already_answered')).toBe('answered');
    expect(refusedState(409, 'closed')).toBe('closed');
    expect(refusedState(409, 'upcoming')).toBe('upcoming');
    expect(refusedState(410, 'expired')).toBe('expired');
  });

  it('falls back on the status, and leaves any other refusal alone', () => {
    expect(refusedState(409, undefined)).toBe('answered');
    expect(refusedState(410, undefined)).toBe('expired');
    expect(refusedState(404, 'unknown_token')).toBeNull();
    expect(refusedState(429, undefined)).toBeNull();
  });
});
