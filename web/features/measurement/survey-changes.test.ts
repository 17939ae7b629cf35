import { describe, expect, it } from 'vitest';
import { instantToLocal } from '../dialogues/figures.ts';
import { changedFields, changesFormOf } from './survey-changes.ts';

const survey = {
  title: { en: 'Elm Street pulse', es: 'Pulso de Elm Street' },
  closesAt: '2026-12-01T17:00:00.000Z',
  languages: ['en' as const, 'es' as const],
};

describe('changing a survey', () => {
  it('sends nothing when nothing changed', () => {
    expect(changedFields(survey, changesFormOf(survey))).toEqual({});
  });

  it('sends the whole title when one of its languages changed', () => {
    const form = changesFormOf(survey);
    const body = changedFields(survey, { ...form, title: { ...form.title, es: 'Pulso de Elm' } });
    expect(body).toEqual({ title: { en: 'Elm Street pulse', es: 'Pulso de Elm' } });
  });

  it('sends a new closing date as an instant, and an emptied one as open-ended', () => {
    const later = instantToLocal(new Date('2027-01-15T17:00:00.000Z'));
    expect(changedFields(survey, { ...changesFormOf(survey), closesAt: later })).toEqual({
      closesAt: '2027-01-15T17:00:00.000Z',
    });
    expect(changedFields(survey, { ...changesFormOf(survey), closesAt: '' })).toEqual({
      closesAt: null,
    });
  });

  it('starts an open-ended survey with an empty closing date', () => {
    expect(changesFormOf({ ...survey, closesAt: null }).closesAt).toBe('');
  });
});
