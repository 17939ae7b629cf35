import { describe, expect, it } from 'vitest';
import { renderEmail } from './index.ts';

const data = {
  leadName: 'Sam Whitfield',
  programName: 'Youth and police dialogue',
  link: 'https://rj.example.org/programs/p1/concerns',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the email that tells a safeguarding lead of a concern', () => {
  it('says where to read it, and why it does not say what it is about', () => {
    const email = renderEmail('youth-concern-raised', data, 'en');
    expect(email.subject).toBe('A safeguarding concern was raised in Youth and police dialogue');
    expect(email.text).toContain('you are the only one who can read it');
    expect(email.text).toContain('this email does not say what it is about');
    expect(email.text).toContain('Read the concern:\nhttps://rj.example.org/programs/p1/concerns');
  });

  it('speaks Spanish with usted', () => {
    const email = renderEmail('youth-concern-raised', data, 'es');
    expect(email.subject).toBe(
      'Se planteó una preocupación de protección en Youth and police dialogue',
    );
    expect(email.text).toContain('usted es la única persona que puede leerla');
    expect(email.html).toContain('<html lang="es"');
  });
});
