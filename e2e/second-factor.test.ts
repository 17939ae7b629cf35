import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { authenticatorCode, setUpFirstAdmin } from './support/accounts.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// A staff member's second factor, from setting it up to signing in with it and with a backup
// code. The tests share one server and one person, in this order.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Harbour Police Department',
  name: 'Dana Whitfield',
  email: 'dana@harbour.example',
  password: 'quiet harbour evenings',
};

let secret = '';
let backupCodes: string[] = [];

async function signInWithPassword(page: Page): Promise<void> {
  await page.goto(`${harness.url}/sign-in`);
  await page.getByRole('textbox', { name: 'Email address' }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
}

describe('a second factor for staff', () => {
  it('should lead a new admin from their account to an authenticator app and backup codes', async () => {
    await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    try {
      // The account page's email preferences are held on their way until the server has ended the
      // session, as on a slow line: the page lets go of them instead of meeting a refusal.
      let releasePreferences = () => {};
      const preferencesHeld = new Promise<void>((release) => {
        releasePreferences = release;
      });
      let preferencesAnswer: Promise<number | 'let go'> = Promise.resolve('let go');
      await page.route('**/api/me/email-preferences', async (route) => {
        preferencesAnswer = preferencesHeld
          .then(() => route.continue())
          .then(async () => (await route.request().response())?.status() ?? 'let go')
          .catch(() => 'let go');
        await preferencesAnswer;
      });
      await signInWithPassword(page);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page
        .getByRole('heading', { level: 2, name: 'One more step to protect your account' })
        .waitFor();
      await captureEverywhere(page, 'me-second-factor-required');

      await page.getByRole('link', { name: 'Set up your second factor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Set up your second factor' }).waitFor();
      expect(await page.title()).toBe('Second factor · Restorativ');
      await captureEverywhere(page, 'second-factor-password');

      // A wrong password is named beside its field.
      const password = page.getByLabel('Your password');
      expect(await password.getAttribute('autocomplete')).toBe('current-password');
      await password.fill('not my password at all');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'That password is not right. Check it and try again.' })
        .waitFor();
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      await password.fill(admin.password);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add Restorativ to your app' }).waitFor();
      await page.getByRole('img', { name: /QR code to add Restorativ/ }).waitFor();
      secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      const code = page.getByRole('textbox', { name: 'The 6-digit code your app now shows' });
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await code.getAttribute('inputmode')).toBe('numeric');
      await captureEverywhere(page, 'second-factor-scan');

      // A code that is not the app's is refused; the one the app shows turns the factor on.
      await code.fill('000000');
      await page.getByRole('button', { name: 'Turn on the second factor' }).click();
      await page.getByRole('alert').filter({ hasText: 'That code did not work.' }).waitFor();
      await code.fill(authenticatorCode(secret));
      await page.getByRole('button', { name: 'Turn on the second factor' }).click();

      await page.getByRole('heading', { level: 1, name: 'Save your backup codes' }).waitFor();
      backupCodes = await page
        .getByRole('list', { name: 'Backup codes' })
        .getByRole('listitem')
        .allTextContents();
      expect(backupCodes).toHaveLength(10);
      await captureEverywhere(page, 'second-factor-backup-codes');

      // Going on without saying they are saved asks for that first.
      await page.getByRole('button', { name: 'Finish' }).click();
      await page
        .getByText('Save your backup codes first, then tick this box.', { exact: true })
        .waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download as a file' }).click();
      expect((await download).suggestedFilename()).toBe('restorativ-backup-codes.txt');
      await page
        .locator('label', { hasText: 'I have saved my backup codes somewhere safe' })
        .click();
      await page.getByRole('button', { name: 'Finish' }).click();

      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByText('Your second factor is on.').waitFor();
      await page
        .getByText('On: you give a code from your authenticator app when you sign in.')
        .waitFor();
      expect(
        await page.getByRole('heading', { name: 'One more step to protect your account' }).count(),
      ).toBe(0);
      await page.route('**/api/auth/sign-out', async (route) => {
        const signedOut = await route.fetch();
        releasePreferences();
        await preferencesAnswer;
        await route.fulfill({ response: signedOut });
      });
      await signOut(page);
      expect(await preferencesAnswer).toBe('let go');

      expect(
        withoutExpectedResponses(errors, [
          { status: 400, path: '/api/auth/two-factor/enable' },
          { status: 401, path: '/api/auth/two-factor/verify-totp' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should ask for the code from the app after the password, and refuse a wrong one', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await signInWithPassword(page);
      await page.getByRole('heading', { level: 1, name: 'One more step' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const code = page.getByRole('textbox', { name: '6-digit code' });
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await code.getAttribute('inputmode')).toBe('numeric');
      await captureEverywhere(page, 'sign-in-code');

      await code.fill('12345');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Enter the 6 digits your app shows.' })
        .waitFor();
      await code.fill('000000');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'That code did not work.' }).waitFor();
      await expectNoAxeViolations(page);

      // Spaces, as some apps show the code, are fine.
      const current = authenticatorCode(secret);
      await code.fill(`${current.slice(0, 3)} ${current.slice(3)}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByText(`You are signed in as ${admin.name}.`).waitFor();
      await captureEverywhere(page, 'me-second-factor-on');
      await signOut(page);
      expect(
        withoutExpectedResponses(errors, [
          { status: 401, path: '/api/auth/two-factor/verify-totp' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should let someone without their phone sign in once with each backup code', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    try {
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(admin.email);
      await page.getByLabel('Contraseña', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Un paso más' }).waitFor();
      await page.getByRole('button', { name: 'Usar un código de respaldo' }).click();
      const field = page.getByRole('textbox', { name: 'Código de respaldo' });
      await field.waitFor();
      // Focus follows the switch, so the person can type straight away.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-code');
      await captureEverywhere(page, 'sign-in-backup-code');
      await field.fill(backupCodes[0] ?? '');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();

      // The same code does not work twice.
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page.getByText('Cerró la sesión.').waitFor();
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(admin.email);
      await page.getByLabel('Contraseña', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('button', { name: 'Usar un código de respaldo' }).click();
      await field.fill(backupCodes[0] ?? '');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Ese código de respaldo no funcionó.' })
        .waitFor();
      await expectNoAxeViolations(page);
      await field.fill(backupCodes[1] ?? '');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();

      // New backup codes replace the old ones, after the password.
      await page.getByRole('link', { name: 'Generar nuevos códigos de respaldo' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Su segundo factor está activado' })
        .waitFor();
      await captureEverywhere(page, 'second-factor-on');
      await page.getByLabel('Su contraseña').fill(admin.password);
      await page.getByRole('button', { name: 'Generar nuevos códigos' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Sus nuevos códigos de respaldo' })
        .waitFor();
      const renewed = await page
        .getByRole('list', { name: 'Códigos de respaldo' })
        .getByRole('listitem')
        .allTextContents();
      expect(renewed).toHaveLength(10);
      expect(renewed).not.toContain(backupCodes[2]);
      expect(
        withoutExpectedResponses(errors, [
          { status: 401, path: '/api/auth/two-factor/verify-backup-code' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});
