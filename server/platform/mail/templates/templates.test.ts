import { describe, expect, it } from 'vitest';
import { html } from './html.ts';
import { type InvitationData, type Language, renderEmail } from './index.ts';

const invitationData: InvitationData = {
  inviterName: 'Ana Ruiz',
  programName: 'Eastside listening circles',
  link: 'https://rj.example.org/join/tok123',
  expiresAt: new Date('2026-06-12T18:00:00Z'),
  timeZone: 'America/Chicago',
  preferencesUrl: 'https://rj.example.org/email-preferences/pref456',
};

describe('the invitation email', () => {
  it('tells who invited the reader, to what, how to join and until when, in English', () => {
    const email = renderEmail('invitation', invitationData, 'en');
    expect(email.subject).toBe('Ana Ruiz invited you to join Eastside listening circles');
    expect(email.text).toContain('Ana Ruiz has invited you to join “Eastside listening circles”');
    expect(email.text).toContain('You do not need an account or a password');
    expect(email.text).toContain('it does not have to be your real name');
    expect(email.text).toContain('Accept the invitation:\nhttps://rj.example.org/join/tok123');
    expect(email.text).toContain('until Friday, June 12, 2026 at 1:00 PM CDT');
    expect(email.html).toContain('<html lang="en"');
    expect(email.html).toContain('href="https://rj.example.org/join/tok123"');
  });

  it('speaks natural Spanish with usted', () => {
    const email = renderEmail('invitation', invitationData, 'es');
    expect(email.subject).toBe('Ana Ruiz le invita a participar en Eastside listening circles');
    expect(email.text).toContain('No necesita una cuenta ni una contraseña');
    expect(email.text).toContain('usted elige el nombre que verán los demás');
    expect(email.text).toContain('Aceptar la invitación:\nhttps://rj.example.org/join/tok123');
    expect(email.text).toContain('hasta el viernes, 12 de junio de 2026, 13:00 GMT-5');
    expect(email.text).toContain('Participar es su decisión');
    expect(email.html).toContain('<html lang="es"');
  });

  it.each<[Language, string, string[]]>([
    [
      'en',
      'Ana Ruiz has invited you to join “Eastside listening circles” on Restorativ as a coordinator.',
      ['choose a password', 'set up an authenticator app', 'sign in with it first'],
    ],
    [
      'es',
      'Ana Ruiz le invita a sumarse a «Eastside listening circles» en Restorativ, con el rol de coordinación.',
      ['elegirá una contraseña', 'aplicación de autenticación', 'inicie sesión con ella'],
    ],
  ])(
    'tells staff in %s their role, and that they will set up a password and an authenticator app',
    (language, invited, steps) => {
      const email = renderEmail(
        'invitation',
        { ...invitationData, staffRole: 'coordinator' },
        language,
      );
      for (const part of [email.text, email.html]) {
        expect(part).toContain(invited);
        for (const step of steps) expect(part).toContain(step);
        expect(part).not.toMatch(/do not need an account|No necesita una cuenta/);
      }
    },
  );

  it('escapes names in the HTML, so a name is shown as text and never runs', () => {
    const email = renderEmail(
      'invitation',
      { ...invitationData, inviterName: '<script>alert("x")</script>', programName: 'A & B' },
      'en',
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('“A &amp; B”');
    // The plain-text part shows the name as the person wrote it.
    expect(email.text).toContain('<script>alert("x")</script> has invited you');
  });

  it('keeps a name with line breaks on one line, so it cannot add a header', () => {
    const email = renderEmail(
      'invitation',
      { ...invitationData, inviterName: 'Ana\r\nBcc: everyone@example.org' },
      'en',
    );
    expect(email.subject).toBe(
      'Ana Bcc: everyone@example.org invited you to join Eastside listening circles',
    );
  });

  it('refuses a link that is not a web address', () => {
    expect(() =>
      renderEmail('invitation', { ...invitationData, link: 'javascript:alert(1)' }, 'en'),
    ).toThrow(/http or https/);
  });
});

describe('the sign-in link email', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'Your sign-in link for Restorativ', 'It works for 15 minutes.', 'If you did not ask'],
    [
      'es',
      'Su enlace para iniciar sesión en Restorativ',
      'Es válido durante 15 minutos.',
      'Si usted no lo pidió',
    ],
  ])(
    'in %s: says how long it works and that it can be ignored',
    (language, subject, valid, ignore) => {
      const email = renderEmail(
        'magic-link',
        {
          link: 'https://rj.example.org/sign-in/tok789',
          validMinutes: 15,
          preferencesUrl: invitationData.preferencesUrl,
        },
        language,
      );
      expect(email.subject).toBe(subject);
      expect(email.text).toContain(valid);
      expect(email.text).toContain(ignore);
      expect(email.text).toContain('https://rj.example.org/sign-in/tok789');
      expect(email.html).toContain(`lang="${language}"`);
    },
  );
});

describe('every email', () => {
  it.each<Language>(['en', 'es'])(
    'in %s carries the link to choose which emails to get',
    (language) => {
      const email = renderEmail('invitation', invitationData, language);
      const words =
        language === 'en'
          ? 'Choose which emails you get from Restorativ'
          : 'Elija qué correos recibe de Restorativ';
      expect(email.text).toContain(`${words}:\n${invitationData.preferencesUrl}`);
      expect(email.html).toContain(
        `<a href="${invitationData.preferencesUrl}" style="color:#1d4e89;">${words}</a>`,
      );
    },
  );

  it('is real text in HTML, with a title and no images', () => {
    const email = renderEmail('invitation', invitationData, 'en');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain(
      '<title>Ana Ruiz invited you to join Eastside listening circles</title>',
    );
    expect(email.html).not.toContain('<img');
  });
});

describe('the html builder', () => {
  it('escapes every value but keeps HTML built with it', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${"'"}${['&', html`<br>`]}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>&#39;&amp;<br></p>',
    );
  });
});
