import { describe, expect, it } from 'vitest';
import { createSurveyBody } from '../../../shared/measurement/contract.ts';
import { itemsFor } from '../../../shared/measurement/item-bank.ts';
import {
  createBodyOf,
  fieldIdsOf,
  formFieldOf,
  formFor,
  itemsByConstruct,
  neighbourhoodLines,
  newCustomQuestion,
  nextKey,
  pickTranslation,
  type SurveyForm,
  surveyFieldIds,
  withKind,
} from './survey-form.ts';

const opening = '2026-09-01T09:00';

function pulseForm(): SurveyForm {
  return {
    ...formFor('pulse', ['en', 'es'], opening),
    title: { en: 'Elm Street pulse', es: 'Pulso de Elm Street' },
  };
}

describe('a new survey’s form', () => {
  it('starts with every bank item written for the kind', () => {
    const form = formFor('training', ['en'], opening);
    expect(form.items).toEqual(itemsFor('training').map((item) => item.id));
  });

  it('offers the new kind’s items when the kind changes', () => {
    const form = withKind(formFor('pulse', ['en'], opening), 'after_process');
    expect(form.kind).toBe('after_process');
    expect(form.items).toEqual(itemsFor('after_process').map((item) => item.id));
  });

  it('groups the kind’s items by construct, leaving out constructs with none', () => {
    const groups = itemsByConstruct('after_process');
    expect(groups.map((group) => group.construct)).not.toContain('reporting');
    for (const group of groups) {
      expect(group.items.every((item) => item.construct === group.construct)).toBe(true);
      expect(group.items.every((item) => item.fits.includes('after_process'))).toBe(true);
    }
  });

  it('gives questions and options keys no other one has', () => {
    expect(nextKey('q', [])).toBe('q1');
    expect(nextKey('q', [{ key: 'q1' }, { key: 'q3' }])).toBe('q4');
    expect(nextKey('o', [{ key: 'o1' }, { key: 'o2' }])).toBe('o3');
    const second = newCustomQuestion([newCustomQuestion([])]);
    expect(second.key).toBe('q2');
  });

  it('reads neighbourhoods one a line, without blank lines', () => {
    expect(neighbourhoodLines(' Elm \r\n\nOak\n  \n')).toEqual(['Elm', 'Oak']);
  });
});

describe('the body sent from the form', () => {
  it('is a body the contract accepts', () => {
    const form: SurveyForm = {
      ...pulseForm(),
      neighbourhoods: 'Elm\nOak',
      closesAt: '2026-12-01T09:00',
      customQuestions: [
        {
          ...newCustomQuestion([]),
          type: 'single_choice',
          prompt: { en: 'How did you hear of this?', es: '¿Cómo se enteró?' },
          options: [
            { key: 'o1', label: { en: 'A poster', es: 'Un cartel' } },
            { key: 'o2', label: { en: 'A friend', es: 'Una amistad' } },
          ],
          required: true,
        },
      ],
    };
    const body = createBodyOf(form);
    const parsed = createSurveyBody.safeParse(body);
    expect(parsed.error?.issues).toBeUndefined();
    expect(body.neighbourhoods).toEqual(['Elm', 'Oak']);
    expect(body.customQuestions?.[0]).toEqual({
      id: 'q1',
      type: 'single_choice',
      prompt: { en: 'How did you hear of this?', es: '¿Cómo se enteró?' },
      options: [
        { id: 'o1', label: { en: 'A poster', es: 'Un cartel' } },
        { id: 'o2', label: { en: 'A friend', es: 'Una amistad' } },
      ],
      required: true,
    });
  });

  it('sends the chosen items in the bank’s order, and none that does not fit the kind', () => {
    const bank = itemsFor('pulse').map((item) => item.id);
    const [first, second] = bank;
    const form = { ...pulseForm(), items: [second ?? '', 'respect.in_meeting', first ?? ''] };
    expect(createBodyOf(form).items).toEqual([first, second]);
  });

  it('sends words only in the chosen languages', () => {
    const form: SurveyForm = {
      ...pulseForm(),
      languages: ['es'],
      customQuestions: [
        { ...newCustomQuestion([]), prompt: { en: 'Left over', es: '¿Algo más?' } },
      ],
    };
    const body = createBodyOf(form);
    expect(body.title).toEqual({ es: 'Pulso de Elm Street' });
    expect(body.customQuestions?.[0]?.prompt).toEqual({ es: '¿Algo más?' });
  });

  it('keeps a pulse’s neighbourhoods to pulses, and an empty closing date as open-ended', () => {
    const form = { ...withKind(pulseForm(), 'training'), neighbourhoods: 'Elm' };
    const body = createBodyOf(form);
    expect(body.neighbourhoods).toEqual([]);
    expect(body.closesAt).toBeNull();
  });

  it('sends a threshold it cannot read as typed, for the server to name, and none when empty', () => {
    expect(createBodyOf({ ...pulseForm(), threshold: 'ten' }).threshold).toBeNaN();
    expect(createBodyOf({ ...pulseForm(), threshold: ' ' }).threshold).toBeUndefined();
    expect(createBodyOf({ ...pulseForm(), threshold: '12' }).threshold).toBe(12);
  });

  it('gives a written answer its longest length only when one was typed', () => {
    const draft = {
      ...newCustomQuestion([]),
      type: 'short_text' as const,
      prompt: { en: 'More?' },
    };
    const form = { ...pulseForm(), languages: ['en' as const] };
    expect(createBodyOf({ ...form, customQuestions: [draft] }).customQuestions?.[0]).toEqual({
      id: 'q1',
      type: 'short_text',
      prompt: { en: 'More?' },
      required: false,
    });
    const limited = { ...draft, maxLength: '200' };
    expect(
      createBodyOf({ ...form, customQuestions: [limited] }).customQuestions?.[0],
    ).toMatchObject({
      maxLength: 200,
    });
  });
});

describe('the form’s fields for the API’s problems', () => {
  const form: SurveyForm = {
    ...pulseForm(),
    customQuestions: [
      { ...newCustomQuestion([]), type: 'single_choice' },
      { ...newCustomQuestion([newCustomQuestion([])]), type: 'short_text' },
    ],
  };

  it('lists each input once, in the order of the page', () => {
    const ids = fieldIdsOf(form);
    const values = Object.values(ids);
    expect(new Set(values).size).toBe(values.length);
    const keys = Object.keys(ids);
    expect(keys.indexOf('kind')).toBeLessThan(keys.indexOf('title.en'));
    expect(keys.indexOf('title.es')).toBeLessThan(keys.indexOf('items'));
    expect(keys.indexOf('customQuestions.0.options.1.label.es')).toBeLessThan(
      keys.indexOf('customQuestions.1.maxLength'),
    );
    expect(keys.indexOf('neighbourhoods')).toBeLessThan(keys.indexOf('threshold'));
    expect(ids['customQuestions.0.prompt.es']).toBe(surveyFieldIds.prompt(0, 'es'));
  });

  it('has no neighbourhoods field unless the survey is a pulse', () => {
    expect(fieldIdsOf(withKind(form, 'training')).neighbourhoods).toBeUndefined();
  });

  it('sends a problem to the input it is about', () => {
    expect(formFieldOf('title', form)).toBe('title.en');
    expect(formFieldOf('title.es', form)).toBe('title.es');
    expect(formFieldOf('neighbourhoods.3', form)).toBe('neighbourhoods');
    expect(formFieldOf('items.2', form)).toBe('items');
    expect(formFieldOf('customQuestions.1.id', form)).toBe('customQuestions.1');
    expect(formFieldOf('customQuestions.0.prompt', form)).toBe('customQuestions.0.prompt.en');
    expect(formFieldOf('customQuestions.0.options.1.label', form)).toBe(
      'customQuestions.0.options.1.label.en',
    );
    expect(formFieldOf('customQuestions.0.options.1.label.es', form)).toBe(
      'customQuestions.0.options.1.label.es',
    );
    expect(formFieldOf('customQuestions.0.options.1.id', form)).toBe('customQuestions.0.options');
    expect(formFieldOf('threshold', form)).toBe('threshold');
  });
});

describe('words in the reader’s language', () => {
  it('falls back to the first language written', () => {
    expect(pickTranslation({ en: 'Pulse', es: 'Pulso' }, 'es')).toBe('Pulso');
    expect(pickTranslation({ es: 'Pulso' }, 'en')).toBe('Pulso');
    expect(pickTranslation({}, 'en')).toBe('');
  });
});
