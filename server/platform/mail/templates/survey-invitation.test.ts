import { describe, expect, it } from 'vitest';
import { type Language, renderEmail, type SurveyInvitationData } from './index.ts';

const base = {
  programName: 'Elm Street <trust> circles',
  link: 'https://rj.example.org/answer/tok123',
  days: 30,
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};
const afterCircle: SurveyInvitationData = {
  ...base,
  process: 'circle',
  purpose: 'Traffic stops on Elm Street',
};
const afterConference: SurveyInvitationData = { ...base, process: 'conference', purpose: null };

describe('the email asking how a circle or a conference went', () => {
  it.each<[Language, string, string, string[]]>([
    [
      'en',
      'How did it go? A 2-minute survey from Elm Street <trust> circles',
      'Thank you for taking part in the circle “Traffic stops on Elm Street”.',
      ['about 2 minutes', 'anonymous', 'optional', 'works for 30 days'],
    ],
    [
      'es',
      '¿Cómo le fue? Una encuesta de 2 minutos de Elm Street <trust> circles',
      'Gracias por participar en el círculo «Traffic stops on Elm Street».',
      ['unos 2 minutos', 'anónimas', 'voluntario', 'durante 30 días'],
    ],
  ])(
    'in %s: says what it follows, that it is short, anonymous and optional, and where',
    (language, subject, opening, promises) => {
      const email = renderEmail('survey-invitation', afterCircle, language);
      expect(email.subject).toBe(subject);
      expect(email.text).toContain(opening);
      for (const promise of promises) expect(email.text).toContain(promise);
      expect(email.text).toContain('https://rj.example.org/answer/tok123');
      expect(email.html).toContain(`<html lang="${language}"`);
      expect(email.html).toContain('href="https://rj.example.org/answer/tok123"');
      expect(email.html).toContain('Elm Street &lt;trust&gt; circles');
      expect(email.html).not.toContain('<trust>');
    },
  );

  it('names no case after a conference', () => {
    expect(renderEmail('survey-invitation', afterConference, 'en').text).toContain(
      'Thank you for taking part in your recent conference.',
    );
    expect(renderEmail('survey-invitation', afterConference, 'es').text).toContain(
      'Gracias por participar en la conferencia reciente.',
    );
  });
});
