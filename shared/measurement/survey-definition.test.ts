import { describe, expect, it } from 'vitest';
import { type SurveyDefinitionInput, surveyDefinition } from './survey-definition.ts';

const pulse: SurveyDefinitionInput = {
  kind: 'pulse',
  items: ['respect.dignity', 'voice.listens', 'safety.night'],
  languages: ['en', 'es'],
  opensAt: '2026-03-01T09:00:00Z',
};

const messages = (input: unknown) => {
  const result = surveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('a survey definition', () => {
  it('opens with the defaults: threshold 10, no custom questions, no closing date', () => {
    const survey = surveyDefinition.parse(pulse);
    expect(survey.threshold).toBe(10);
    expect(survey.customQuestions).toEqual([]);
    expect(survey.closesAt).toBeNull();
  });

  it('takes bank items only where they fit the kind of survey, each once', () => {
    expect(messages({ ...pulse, items: ['heard.listened'] })).toEqual([
      'The item heard.listened is not written for this kind of survey.',
    ]);
    expect(messages({ ...pulse, items: ['respect.nothing'] })).toEqual([
      'No item respect.nothing.',
    ]);
    expect(messages({ ...pulse, items: ['voice.listens', 'voice.listens'] })).toEqual([
      'voice.listens is listed twice.',
    ]);
    expect(messages({ ...pulse, items: [] })).toEqual(['Ask at least one question.']);
  });

  it("asks a program's own question in every language of the survey", () => {
    const question = {
      type: 'single_choice',
      id: 'heard-about',
      prompt: { en: 'How did you hear about this survey?', es: '¿Cómo supo de esta encuesta?' },
      options: [
        { id: 'flyer', label: { en: 'A flyer', es: 'Un volante' } },
        { id: 'friend', label: { en: 'A friend' } },
      ],
    };
    expect(messages({ ...pulse, customQuestions: [question] })).toEqual([
      'Write every option in every language of the survey (es).',
    ]);
    expect(messages({ ...pulse, languages: ['en'], customQuestions: [question] })).toEqual([]);
    const parsed = surveyDefinition.parse({
      ...pulse,
      customQuestions: [
        {
          type: 'short_text',
          id: 'anything-else',
          prompt: { en: 'Anything else?', es: '¿Algo más?' },
        },
      ],
    });
    expect(parsed.customQuestions[0]).toMatchObject({ required: false, maxLength: 500 });
  });

  it("never lets a program's question take a bank item's id", () => {
    const question = {
      type: 'scale',
      id: 'respect.dignity',
      prompt: { en: 'x', es: 'x' },
      scale: 'agreement',
    };
    expect(messages({ ...pulse, items: ['voice.listens'], customQuestions: [question] })).toEqual([
      'Use lowercase letters, digits, - and _ (up to 40).',
    ]);
  });

  it('keeps the threshold at 5 or more, and the closing after the opening', () => {
    expect(surveyDefinition.safeParse({ ...pulse, threshold: 4 }).success).toBe(false);
    expect(surveyDefinition.parse({ ...pulse, threshold: 20 }).threshold).toBe(20);
    expect(messages({ ...pulse, closesAt: '2026-02-01T09:00:00Z' })).toEqual([
      'The survey must close after it opens.',
    ]);
  });
});
