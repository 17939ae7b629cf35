import { describe, expect, it } from 'vitest';
import {
  type CircleCancelledData,
  type CircleInvitationData,
  type CircleReminderData,
  renderEmail,
} from './index.ts';

const invitation: CircleInvitationData = {
  inviterName: 'Amara Johnson',
  keeperName: 'Luis Herrera',
  programName: 'Neighbourhood listening circles',
  purpose: 'Traffic stops on Elm Street',
  startsAt: new Date('2026-06-12T23:00:00Z'),
  durationMinutes: 90,
  timeZone: 'America/Chicago',
  link: 'https://rj.example.org/circles/join#tok123',
  series: null,
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

const reminder: CircleReminderData = {
  purpose: 'Traffic stops on Elm Street',
  programName: 'Neighbourhood listening circles',
  keeperName: 'Luis Herrera',
  startsAt: new Date('2026-06-12T23:00:00Z'),
  timeZone: 'America/Chicago',
  hoursBefore: 24,
  link: 'https://rj.example.org/circles/join#tok123',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the circle invitation email', () => {
  it('says what the circle is for, when in its own zone, who keeps it, and links to joining', () => {
    const email = renderEmail('circle-invitation', invitation, 'en');
    expect(email.subject).toBe('Invitation to a circle: Traffic stops on Elm Street');
    expect(email.text).toContain('Amara Johnson invites you to a restorative circle');
    expect(email.text).toContain('When: Friday, June 12, 2026 at 6:00 PM CDT, for 90 minutes.');
    expect(email.text).toContain('Luis Herrera keeps the circle');
    expect(email.text).toContain('it does not have to be your real name');
    expect(email.text).toContain('https://rj.example.org/circles/join#tok123');
    expect(email.text).not.toContain('first of');
  });

  it('speaks Spanish with usted, and names the whole series', () => {
    const email = renderEmail(
      'circle-invitation',
      { ...invitation, series: { count: 6, lastStartsAt: new Date('2026-07-17T23:00:00Z') } },
      'es',
    );
    expect(email.subject).toBe('Invitación a un círculo: Traffic stops on Elm Street');
    expect(email.text).toContain('Cuándo: viernes, 12 de junio de 2026, 18:00 GMT-5');
    expect(email.text).toContain(
      'Es el primero de 6 círculos; el último es el viernes, 17 de julio',
    );
    expect(email.text).toContain('Usted elige el nombre que verán los demás');
    expect(email.html).toContain('<html lang="es"');
  });

  it('keeps a purpose on one line and escapes it in the HTML', () => {
    const email = renderEmail(
      'circle-invitation',
      { ...invitation, purpose: '<b>Elm</b>\r\nBcc: all@example.org' },
      'en',
    );
    expect(email.subject).toBe('Invitation to a circle: <b>Elm</b> Bcc: all@example.org');
    expect(email.html).toContain('&lt;b&gt;Elm&lt;/b&gt;');
  });
});

describe('the circle reminder email', () => {
  it.each([
    [24, 'en', 'Your circle is coming up: Traffic stops on Elm Street', 'starts on Friday'],
    [1, 'en', 'Your circle starts soon: Traffic stops on Elm Street', 'a few minutes early'],
    [24, 'es', 'Se acerca su círculo: Traffic stops on Elm Street', 'empieza el viernes'],
    [1, 'es', 'Su círculo empieza pronto: Traffic stops on Elm Street', 'unos minutos antes'],
  ] as const)('%i hours before, in %s', (hoursBefore, language, subject, words) => {
    const email = renderEmail('circle-reminder', { ...reminder, hoursBefore }, language);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(words);
    expect(email.text).toContain('https://rj.example.org/circles/join#tok123');
  });
});

const cancelled: CircleCancelledData = {
  purpose: 'Traffic stops on Elm Street',
  programName: 'Neighbourhood listening circles',
  startsAt: new Date('2026-06-12T23:00:00Z'),
  timeZone: 'America/Chicago',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the circle cancelled email', () => {
  it('says which circle will not meet, at its local time', () => {
    const email = renderEmail('circle-cancelled', cancelled, 'en');
    expect(email.subject).toBe('Circle cancelled: Traffic stops on Elm Street');
    expect(email.text).toContain(
      'The circle “Traffic stops on Elm Street” of “Neighbourhood listening circles”, planned for Friday, June 12, 2026 at 6:00 PM CDT, was cancelled: it will not meet.',
    );
    expect(email.text).toContain('You need not do anything.');
  });

  it('speaks Spanish with usted', () => {
    const email = renderEmail('circle-cancelled', cancelled, 'es');
    expect(email.subject).toBe('Círculo cancelado: Traffic stops on Elm Street');
    expect(email.text).toContain('previsto para el viernes, 12 de junio de 2026, 18:00 GMT-5');
    expect(email.text).toContain('No necesita hacer nada. Quien le invitó puede contarle más');
    expect(email.html).toContain('<html lang="es"');
  });
});
