import { describe, expect, it } from 'vitest';
import { setUpFirstAdmin } from './support/accounts.ts';
import {
  type ApiSession,
  signInAndSetUpSecondFactor,
  signInWithCode,
  userAgents,
} from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { latestEmail } from './support/outbox.ts';

// The account page and the email-preferences page against the real server: the admin is made
// by first-run setup and signs in with their second factor through the API; the browser gets
// that session.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Community Mediation',
  kind: 'community_organisation',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'the right password',
} as const;

let organisationId = '';
let here: ApiSession;
let secret = '';

async function world(): Promise<void> {
  if (here) return;
  ({ organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin));
  ({ session: here, secret } = await signInAndSetUpSecondFactor(
    harness.url,
    admin,
    userAgents.linuxChrome,
  ));
}

describe('your account', () => {
  it('should change the name and language, end another device and choose a daily digest', async () => {
    await world();
    // The same person is also signed in on a phone.
    const phoneSession = await signInWithCode(harness.url, admin, secret, userAgents.iPhone);
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    await here.shareWith(page.context());
    try {
      await page.goto(`${harness.url}/me`);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Where you are signed in' }).waitFor();
      await page.getByText('This device', { exact: true }).waitFor();
      await page.getByRole('radio', { name: /As things happen/ }).waitFor();
      await captureEverywhere(page, 'me-full');

      // The other device is signed out; this one has no such button.
      expect(await page.getByRole('button', { name: 'Sign out Chrome on Linux' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Sign out Safari on iPhone' }).click();
      await page.getByText('That device is signed out.').waitFor();
      expect(await page.getByText('Safari on iPhone').count()).toBe(0);
      await expect(phoneSession.call('/api/me')).rejects.toThrow(/answered 401/);

      // An empty name is caught before anything is sent.
      const name = page.getByRole('textbox', { name: 'Your name' });
      await name.fill('  ');
      await page.getByRole('button', { name: 'Save name and language' }).click();
      await page.getByRole('alert').filter({ hasText: 'Give the name others see.' }).waitFor();
      await expectNoAxeViolations(page);
      await name.fill('Marisol V.');
      await page.locator('label.radio', { hasText: 'Español' }).click();
      await page.getByRole('button', { name: 'Save name and language' }).click();
      // The page follows the chosen language at once.
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByText('Ha iniciado sesión como Marisol V.').waitFor();

      await page.locator('label', { hasText: 'Una vez al día' }).click();
      await page.getByRole('button', { name: 'Guardar mi elección' }).click();
      await page
        .getByText('Guardado. Le enviaremos como máximo un correo al día.')
        .first()
        .waitFor();
      expect(await here.call('/api/me/email-preferences')).toEqual({ frequency: 'daily' });

      // A wrong password keeps the email address where it was.
      const emailSection = page.getByRole('region', { name: 'Correo electrónico', exact: true });
      await emailSection
        .getByRole('textbox', { name: 'Nuevo correo electrónico' })
        .fill('mv@riverside.example');
      await emailSection.getByLabel('Su contraseña').fill('not it');
      await page.getByRole('button', { name: 'Cambiar el correo electrónico' }).click();
      await page.getByRole('alert').filter({ hasText: 'Esa contraseña no es correcta.' }).waitFor();
      await expectNoAxeViolations(page);
      await emailSection.getByLabel('Su contraseña').fill(admin.password);
      await page.getByRole('button', { name: 'Cambiar el correo electrónico' }).click();
      await page.getByText('Listo. Ahora inicia sesión con mv@riverside.example.').waitFor();

      // The server kept every change.
      expect(await here.call('/api/me')).toMatchObject({
        name: 'Marisol V.',
        language: 'es',
        email: 'mv@riverside.example',
      });
      expect(withoutExpectedResponses(errors, [{ status: 400, path: '/api/me/email' }])).toEqual(
        [],
      );
    } finally {
      await close();
    }
  });

  it('should let someone change their emails from a link without signing in', async () => {
    await world();
    // Rosa is invited by email, in Spanish; the email links to her preferences.
    await here.call(`/api/organisations/${organisationId}/invitations`, 'POST', {
      delivery: 'email',
      email: 'rosa@example.org',
      role: 'facilitator',
      language: 'es',
    });
    const { preferencesUrl } = await latestEmail(harness.url, 'rosa@example.org', 'invitation');
    expect(preferencesUrl).toMatch(/\/preferences\/email\?token=/);

    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    try {
      await page.goto(preferencesUrl);
      await page.getByRole('heading', { level: 1, name: 'Sus preferencias de correo' }).waitFor();
      await page.getByText('Elija qué correos recibe r***@example.org de Restorativ.').waitFor();
      expect(await page.getByRole('radio', { name: /En el momento/ }).isChecked()).toBe(true);
      await captureEverywhere(page, 'preferences-email');
      await page.locator('label', { hasText: 'Nunca' }).click();
      await page.getByRole('button', { name: 'Guardar mi elección' }).click();
      await page.getByText('Guardado. No le enviaremos recordatorios ni novedades.').waitFor();
      await captureEverywhere(page, 'preferences-email-saved');

      // Opened again, the link shows what was saved.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sus preferencias de correo' }).waitFor();
      expect(await page.getByRole('radio', { name: /Nunca/ }).isChecked()).toBe(true);

      const token = new URL(preferencesUrl).searchParams.get('token') ?? '';
      await page.goto(`${harness.url}/preferences/email?token=${token.slice(0, -4)}AAAA`);
      await page.getByRole('heading', { level: 1, name: 'Este enlace ya no funciona' }).waitFor();
      await captureEverywhere(page, 'preferences-email-invalid');
      expect(
        withoutExpectedResponses(errors, [{ status: 400, path: '/api/preferences/email' }]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});
