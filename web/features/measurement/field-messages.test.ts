import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionToAnswer } from '../../../shared/measurement/contract.ts';
import { ApiError } from '../../app/api.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { answerFieldMessage, surveyFailure, surveyFieldMessage } from './field-messages.ts';

let t: TFunction;
let tEs: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.getFixedT('en');
  tEs = instance.getFixedT('es');
});

const scale: QuestionToAnswer = {
  type: 'scale',
  id: 'respect.dignity',
  prompt: 'The police treat people with dignity.',
  scale: 'agreement',
  labels: ['1', '2', '3', '4', '5'],
  required: false,
};
const text: QuestionToAnswer = {
  type: 'short_text',
  id: 'more',
  prompt: 'Anything else?',
  maxLength: 200,
  required: false,
};

describe('survey form messages', () => {
  it('names the language a title or a question is missing in, in the reader’s words', () => {
    expect(surveyFieldMessage(t, { field: 'title.es', message: '', code: 'too_small' })).toBe(
      'Write the title in Spanish.',
    );
    expect(
      surveyFieldMessage(tEs, {
        field: 'customQuestions.0.prompt.en',
        message: '',
        code: 'custom',
      }),
    ).toBe('Su pregunta 1: escríbala en inglés.');
  });

  it('says the contract’s limits', () => {
    expect(surveyFieldMessage(t, { field: 'title.en', message: '', code: 'too_big' })).toContain(
      '160',
    );
    expect(surveyFieldMessage(t, { field: 'threshold', message: '', code: 'too_small' })).toBe(
      'Give a whole number from 5 to 100.',
    );
  });

  it('names the question and the option a problem is in', () => {
    expect(
      surveyFieldMessage(t, {
        field: 'customQuestions.1.options.2.label.es',
        message: '',
        code: 'custom',
      }),
    ).toBe('Your question 2, option 3: write it in Spanish.');
  });

  it('tells a list of options too short from one too long', () => {
    const few = surveyFieldMessage(t, {
      field: 'customQuestions.2.options',
      message: '',
      code: 'too_small',
    });
    const many = surveyFieldMessage(t, {
      field: 'customQuestions.2.options',
      message: '',
      code: 'too_big',
    });
    expect(few).toBe('Your question 3: give at least two options.');
    expect(many).toBe('Your question 3: give at most ten options.');
  });

  it('names the closing date when the survey would close before it opens', () => {
    expect(surveyFieldMessage(t, { field: 'closesAt', message: '', code: 'custom' })).toBe(
      en.measurement.errors.closesFirst,
    );
    expect(surveyFieldMessage(t, { field: 'closesAt', message: '', code: 'invalid_format' })).toBe(
      en.measurement.errors.dateTime,
    );
  });

  it('says a closed survey stays closed', () => {
    expect(surveyFieldMessage(t, { field: 'closesAt', message: '', code: 'survey_closed' })).toBe(
      en.measurement.errors.closedStays,
    );
  });

  it("shows a field it does not know in the server's words", () => {
    expect(surveyFieldMessage(t, { field: 'other', message: 'Server words.' })).toBe(
      'Server words.',
    );
  });
});

describe('a refused survey form', () => {
  const fieldIds = { 'title.en': 'a', neighbourhoods: 'b', threshold: 'c' };
  const refused = (errors: { field: string; message: string; code?: string }[]) =>
    new ApiError(400, { status: 400, errors }, true);

  it('puts each problem at its field, once, and says the rest together', () => {
    const found = surveyFailure(
      t,
      refused([
        { field: 'neighbourhoods.1', message: '', code: 'too_big' },
        { field: 'neighbourhoods.4', message: '', code: 'too_big' },
        { field: 'mystery', message: 'Something else.' },
      ]),
      fieldIds,
      (field) => (field.startsWith('neighbourhoods.') ? 'neighbourhoods' : field),
    );
    expect(found).toEqual({
      fields: { neighbourhoods: 'Keep each neighbourhood under 80 characters.' },
      message: 'Something else.',
    });
  });

  it('says a problem of no language in the words of the input it is shown at', () => {
    const found = surveyFailure(
      t,
      refused([{ field: 'title', message: 'Write the title in at least one language.' }]),
      fieldIds,
      (field) => (field === 'title' ? 'title.en' : field),
    );
    expect(found?.fields).toEqual({ 'title.en': 'Write the title in English.' });
  });

  it('leaves other failures to the form', () => {
    expect(surveyFailure(t, new ApiError(403, {}, true), fieldIds, (field) => field)).toBeNull();
    expect(surveyFailure(t, new Error('offline'), fieldIds, (field) => field)).toBeNull();
  });
});

describe('answer messages', () => {
  it('asks for one of the five answers when a scale’s answer is out of range', () => {
    const problem = { field: 'scales.respect.dignity', message: 'Choose…', code: 'too_big' };
    expect(answerFieldMessage(t, problem, scale)).toBe('Choose one of the five answers.');
    expect(answerFieldMessage(tEs, problem, scale)).toBe('Elija una de las cinco respuestas.');
  });

  it('says a written answer’s own limit', () => {
    const problem = { field: 'texts.more', message: '', code: 'too_big' };
    expect(answerFieldMessage(t, problem, text)).toBe('Keep your answer under 200 characters.');
  });

  it('speaks of the role and the neighbourhood in plain words', () => {
    expect(answerFieldMessage(t, { field: 'roleGroup', message: '' }, undefined)).toBe(
      en.measurement.answer.errors.roleGroup,
    );
    expect(answerFieldMessage(tEs, { field: 'neighbourhood', message: '' }, undefined)).toBe(
      es.measurement.answer.errors.neighbourhood,
    );
  });
});
