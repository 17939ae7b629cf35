import { describe, expect, it } from 'vitest';
import { type ConferenceAssignedData, type ConferenceReferralData, renderEmail } from './index.ts';

const referral: ConferenceReferralData = {
  reference: 'RC-4K7Q2',
  urgency: 'urgent',
  programName: 'Riverside community conferences',
  link: 'https://rj.example.org/conferences/5d0c',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the new referral email', () => {
  it('names the case and its urgency, and says why it says no more', () => {
    const email = renderEmail('conference-referral', referral, 'en');
    expect(email.subject).toBe('Urgent: New referral RC-4K7Q2');
    expect(email.text).toContain(
      'A new referral came in to “Riverside community conferences”: case RC-4K7Q2, marked urgent.',
    );
    expect(email.text).toContain('Read the referral:\nhttps://rj.example.org/conferences/5d0c');
    expect(email.text).toContain('this email does not say what was told');
  });

  it('speaks Spanish with usted, and a routine referral is not flagged', () => {
    const email = renderEmail('conference-referral', { ...referral, urgency: 'routine' }, 'es');
    expect(email.subject).toBe('Nueva derivación RC-4K7Q2');
    expect(email.text).toContain('el caso RC-4K7Q2, con urgencia ordinaria');
    expect(email.text).toContain('Léalo en Restorativ');
    expect(email.html).toContain('<html lang="es"');
  });
});

const assigned: ConferenceAssignedData = {
  reference: 'RC-4K7Q2',
  role: 'facilitator',
  programName: 'Riverside community conferences',
  link: 'https://rj.example.org/conferences/5d0c',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the case assigned email', () => {
  it.each([
    ['en', 'You were assigned case RC-4K7Q2', 'as co-facilitator'],
    ['es', 'Le asignaron el caso RC-4K7Q2', 'como cofacilitador'],
  ] as const)('in %s: names the case and the role only', (language, subject, role) => {
    const email = renderEmail('conference-assigned', assigned, language);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(role);
    expect(email.text).toContain('https://rj.example.org/conferences/5d0c');
  });
});
