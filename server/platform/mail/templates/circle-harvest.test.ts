import { describe, expect, it } from 'vitest';
import { type Language, renderEmail } from './index.ts';

const data = {
  purpose: 'Listening to each other about traffic stops',
  programName: 'Eastside <listening> circles',
  link: 'https://rj.example.org/circles/c-123/harvest',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the email that a circle’s harvest is ready', () => {
  it.each<[Language, string, string, string]>([
    [
      'en',
      'The harvest of your circle in Eastside <listening> circles is ready for you to read',
      'The keeper of the circle “Listening to each other about traffic stops” has written its harvest',
      'Read the harvest:\nhttps://rj.example.org/circles/c-123/harvest',
    ],
    [
      'es',
      'La cosecha de su círculo en Eastside <listening> circles está lista para que la lea',
      'Quien guió el círculo «Listening to each other about traffic stops» escribió su cosecha',
      'Leer la cosecha:\nhttps://rj.example.org/circles/c-123/harvest',
    ],
  ])('in %s: says which circle, what to do, and where', (language, subject, opening, action) => {
    const email = renderEmail('circle-harvest', data, language);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(opening);
    expect(email.text).toContain(action);
    expect(email.html).toContain(`<html lang="${language}"`);
    expect(email.html).toContain('href="https://rj.example.org/circles/c-123/harvest"');
    // Names from people are shown as text in the HTML, never as markup.
    expect(email.html).toContain('Eastside &lt;listening&gt; circles');
    expect(email.html).not.toContain('<listening>');
  });
});
