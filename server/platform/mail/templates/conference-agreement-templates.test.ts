import { describe, expect, it } from 'vitest';
import {
  type ConferenceAgreementData,
  type ConferenceItemReminderData,
  renderEmail,
} from './index.ts';

// The conference emails name the case by its reference and items by kind and day, in the
// reader's language; the agreement's own words are never in them.

const agreement: ConferenceAgreementData = {
  reference: 'RC-4K7Q',
  programName: 'Community conferences',
  audience: 'party',
  items: [
    { kind: 'apology', dueOn: '2027-03-12', yours: true, meetingAt: null },
    {
      kind: 'meeting',
      dueOn: '2027-03-20',
      yours: false,
      meetingAt: new Date('2027-03-19T23:00:00Z'),
    },
  ],
  timeZone: 'America/Chicago',
  link: 'https://rj.example.org/conferences/c1/my-part',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

const reminder: ConferenceItemReminderData = {
  reference: 'RC-4K7Q',
  programName: 'Community conferences',
  kind: 'restitution',
  dueOn: '2027-03-12',
  notice: 'overdue',
  audience: 'responsible',
  payment: { amountCents: 12_550, currency: 'USD' },
  meetingAt: null,
  timeZone: 'America/Chicago',
  link: 'https://rj.example.org/conferences/c1/my-part',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the agreement email', () => {
  it('lists what was agreed by kind and day, the reader’s own marked, meetings at their local time', () => {
    const email = renderEmail('conference-agreement', agreement, 'en');
    expect(email.subject).toBe('Agreement confirmed: case RC-4K7Q');
    expect(email.text).toContain('• Apology (yours): Friday, March 12, 2027');
    expect(email.text).toContain('• Meeting: Friday, March 19, 2027 at 6:00 PM CDT');
    expect(email.text).toContain(
      'Read the agreement:\nhttps://rj.example.org/conferences/c1/my-part',
    );
  });

  it('speaks Spanish with usted', () => {
    const email = renderEmail('conference-agreement', agreement, 'es');
    expect(email.subject).toBe('Acuerdo confirmado: caso RC-4K7Q');
    expect(email.text).toContain('• Disculpa (a su cargo): viernes, 12 de marzo de 2027');
    expect(email.text).toContain('Gracias por su parte en él.');
  });
});

describe('the item reminder', () => {
  it('tells the responsible party of a late payment without reproach', () => {
    const email = renderEmail('conference-item-reminder', reminder, 'en');
    expect(email.subject).toBe('Overdue in case RC-4K7Q: Restitution');
    expect(email.text).toContain(
      'a restitution payment of $125.50, which you answer for, was due on Friday, March 12, 2027 and is still open.',
    );
    expect(email.text).toContain('tell the facilitator of the case');
  });

  it('tells the team in Spanish what is coming due', () => {
    const email = renderEmail(
      'conference-item-reminder',
      { ...reminder, kind: 'service_hours', payment: null, notice: 'due_soon', audience: 'team' },
      'es',
    );
    expect(email.subject).toBe('Se acerca la fecha en el caso RC-4K7Q: Horas de servicio');
    expect(email.text).toContain('«Horas de servicio», que su equipo acompaña, vence el viernes');
  });
});
