import { describe, expect, it } from 'vitest';
import { setUpFirstAdmin } from './support/accounts.ts';
import {
  type ApiSession,
  signInAndSetUpSecondFactor,
  signInWithCode,
} from './support/api-session.ts';
import { addVirtualAuthenticator } from './support/authenticator.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

// Passkeys with Chromium's virtual authenticator standing in for the phone's own: added on the
// account page, used on the sign-in page, removed. The server's address is http://localhost,
// which browsers treat as secure, and the passkeys are bound to that hostname.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Harbour Police Department',
  name: 'Dana Whitfield',
  email: 'dana@harbour.example',
  password: 'quiet harbour evenings',
} as const;

let organisationId = '';
let adminSession: ApiSession;
let secret = '';

async function world(): Promise<void> {
  if (adminSession) return;
  ({ organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin));
  ({ session: adminSession, secret } = await signInAndSetUpSecondFactor(harness.url, admin));
}

describe('passkeys', () => {
  it('should let a staff member add a passkey, sign in with it instead of password and code, and remove it', async () => {
    await world();
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    const device = await addVirtualAuthenticator(page);
    // Signed in on this phone with password and code; signing out here ends only this session.
    await (await signInWithCode(harness.url, admin, secret)).shareWith(page.context());
    try {
      await page.goto(`${harness.url}/me`);
      await page.getByRole('heading', { level: 2, name: 'Passkeys' }).waitFor();
      await page.getByText('You have no passkeys yet.').waitFor();

      // A passkey signs in without the password: whoever adds one types the password first.
      const section = page.getByRole('region', { name: 'Passkeys' });
      const name = section.getByRole('textbox', { name: 'Name this passkey' });
      const password = section.getByLabel('Your password', { exact: true });
      await name.fill('');
      await section.getByRole('button', { name: 'Add a passkey' }).click();
      const summary = section.getByRole('alert').filter({ hasText: 'Some answers need a change' });
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Give the passkey a name, for example “My phone”.',
        'Enter your password.',
      ]);
      await expectNoAxeViolations(page);
      await name.fill('Work phone');
      await password.fill('not my password');
      await section.getByRole('button', { name: 'Add a passkey' }).click();
      await section
        .getByRole('alert')
        .filter({ hasText: 'That password is not right. Check it and try again.' })
        .waitFor();
      expect(await device.passkeyCount()).toBe(0);
      await captureEverywhere(page, 'me-passkeys-password');
      await password.fill(admin.password);
      await section.getByRole('button', { name: 'Add a passkey' }).click();
      await page
        .getByText('Your passkey Work phone is added. You can sign in with it from now on.')
        .waitFor();
      await page
        .getByRole('list', { name: 'Passkeys' })
        .getByRole('listitem')
        .filter({ hasText: 'Work phone' })
        .waitFor();
      expect(await device.passkeyCount()).toBe(1);
      // For the next few minutes, another change needs no password again.
      await section.getByRole('button', { name: 'Add a passkey on another device' }).click();
      expect(await password.count()).toBe(0);
      await captureEverywhere(page, 'me-passkeys');

      // Signed out, the passkey alone signs them in: no password, no code from the app.
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.getByText('You have signed out.').waitFor();
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await captureEverywhere(page, 'sign-in-passkey');
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByText(`You are signed in as ${admin.name}.`).waitFor();
      // A full staff session: the organisation's page opens.
      await page.goto(`${harness.url}/organisations/${organisationId}`);
      await page.getByRole('heading', { level: 1, name: admin.organisation }).waitFor();

      // Removed, it signs no one in, though the device still holds it.
      await page.goto(`${harness.url}/me`);
      await page.getByRole('button', { name: 'Remove the passkey Work phone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove the passkey Work phone?' });
      await dialog.waitFor();
      // A new session (the passkey's): the password is asked again before removing it.
      await dialog.getByRole('button', { name: 'Remove the passkey' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Enter your password.' }).waitFor();
      await expectNoAxeViolations(page);
      // The dialog holds focus, so the language switcher behind it waits: one language here.
      await screenshot(page, 'me-passkeys-remove-en-phone');
      await dialog.getByLabel('Your password', { exact: true }).fill(admin.password);
      await dialog.getByRole('button', { name: 'Remove the passkey' }).click();
      await page.getByText('You have no passkeys yet.').waitFor();
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.getByText('You have signed out.').waitFor();
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'That passkey is not linked to an account here any more.' })
        .waitFor();
      await expectNoAxeViolations(page);
      expect(
        withoutExpectedResponses(errors, [
          { status: 400, path: '/api/me/reauthenticate' },
          { status: 401, path: '/api/auth/passkey/verify-authentication' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should give a resident who joined by link a way back without a password or an email', async () => {
    await world();
    const { id: programId } = await adminSession.call<{ id: string }>(
      `/api/organisations/${organisationId}/programs`,
      'POST',
      { name: 'Harbour listening circles' },
    );
    const { link } = await adminSession.call<{ link: string }>(
      `/api/organisations/${organisationId}/invitations`,
      'POST',
      { delivery: 'link', role: 'resident', programId, maxUses: 5, language: 'es' },
    );
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
      hasTouch: true,
      isMobile: true,
    });
    await addVirtualAuthenticator(page);
    try {
      await page.goto(link);
      await page.getByRole('textbox', { name: 'El nombre que verán los demás' }).fill('Luz');
      await page.getByRole('button', { name: 'Unirme' }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Llaves de acceso' }).waitFor();
      await page.getByText(/volver a Restorativ en este teléfono/).waitFor();
      // Without a password, there is none to ask for: the session is all they have.
      const section = page.getByRole('region', { name: 'Llaves de acceso' });
      expect(await section.getByLabel('Su contraseña').count()).toBe(0);
      await page.getByRole('button', { name: 'Agregar una llave de acceso' }).click();
      await page
        .getByRole('list', { name: 'Llaves de acceso' })
        .getByRole('listitem')
        .filter({ hasText: 'Mi llave de acceso' })
        .waitFor();
      await captureEverywhere(page, 'me-resident-passkey');

      await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).click();
      await page.getByText('Cerró la sesión.').waitFor();
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('button', { name: 'Iniciar sesión con una llave de acceso' }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByText('Ha iniciado sesión como Luz.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
