import { describe, expect, it } from 'vitest';
import { findItem } from '../../../shared/measurement/item-bank.ts';
import { answerLabel, surveyQuestions } from './survey-questions.ts';

const survey = {
  items: ['respect.dignity', 'no.such.item'],
  customQuestions: [
    {
      type: 'single_choice' as const,
      id: 'heard',
      prompt: { en: 'How did you hear of this?', es: '¿Cómo se enteró?' },
      options: [
        { id: 'poster', label: { en: 'A poster', es: 'Un cartel' } },
        { id: 'friend', label: { en: 'A friend' } },
      ],
      required: false,
    },
    {
      type: 'scale' as const,
      id: 'often',
      prompt: { en: 'How often do you see officers?' },
      scale: 'frequency' as const,
      required: false,
    },
  ],
};

describe('a survey’s questions as staff read them', () => {
  it('gives the bank’s items first, in the reader’s language, and leaves out unknown ids', () => {
    const questions = surveyQuestions(survey, 'es');
    expect(questions.map((question) => question.id)).toEqual(['respect.dignity', 'heard', 'often']);
    expect(questions[0]).toEqual({
      id: 'respect.dignity',
      prompt: findItem('respect.dignity')?.es,
      construct: 'respect',
      scale: 'agreement',
      options: null,
    });
    expect(questions[1]?.options).toEqual([
      { id: 'poster', label: 'Un cartel' },
      { id: 'friend', label: 'A friend' },
    ]);
  });

  it('names each answer: a scale’s point, a choice’s label', () => {
    const [dignity, heard, often] = surveyQuestions(survey, 'en');
    if (!dignity || !heard || !often) throw new Error('three questions expected');
    expect(answerLabel(dignity, '4', 'en')).toBe('Agree');
    expect(answerLabel(dignity, '4', 'es')).toBe('De acuerdo');
    expect(answerLabel(often, '1', 'en')).toBe('Never');
    expect(answerLabel(heard, 'poster', 'en')).toBe('A poster');
    expect(answerLabel(heard, 'unknown', 'en')).toBe('unknown');
  });
});
