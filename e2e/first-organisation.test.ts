import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { authenticatorCode } from './support/accounts.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { invitationLinkIn, latestEmail } from './support/outbox.ts';
import { screenshot } from './support/screenshot.ts';

// The first day of an installation, in Chromium on phones, as the people do it: the admin sets
// Restorativ up from the link it printed and protects their account with an authenticator app;
// creates a program with a community partner; invites a facilitator, who opens the real email,
// creates an account and sets up their own app; and shares a link that a resident opens on their
// own phone, in Spanish, to join under a name of their choosing. Every page passes axe on the
// way and is kept as a phone-size screenshot (first-organisation-NN-*.png).
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
};
const facilitator = {
  name: 'Jo Park',
  email: 'jo@eastside-mediation.example',
  password: 'lantern by the water',
};
const partner = 'Eastside Community Mediation';
const program = 'Eastside listening circles';

let shot = 0;
/** An axe check and a numbered phone-size screenshot of the page as it is now. */
async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page);
  shot += 1;
  await screenshot(page, `first-organisation-${String(shot).padStart(2, '0')}-${name}`);
}

/** From the account page's notice to backup codes saved; returns to the account page. */
async function setUpAuthenticatorApp(page: Page, password: string, who: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Set up your second factor' }).waitFor();
  await look(page, `${who}-second-factor-password`);
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add Restorativ to your app' }).waitFor();
  await look(page, `${who}-second-factor-scan`);
  // The test is the authenticator app: it reads the key the page shows, as a person types it.
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page
    .getByRole('textbox', { name: 'The 6-digit code your app now shows' })
    .fill(authenticatorCode(secret));
  await page.getByRole('button', { name: 'Turn on the second factor' }).click();
  await page.getByRole('heading', { level: 1, name: 'Save your backup codes' }).waitFor();
  await look(page, `${who}-backup-codes`);
  await page.locator('label', { hasText: 'I have saved my backup codes somewhere safe' }).click();
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  await page.getByText('Your second factor is on.').waitFor();
}

describe('the first organisation, from the setup link to a resident who joins', () => {
  // Three people's whole first day in one journey: longer than one page's test.
  it('should take an admin, a facilitator and a resident through their first day', async () => {
    const adminPhone = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    const facilitatorPhone = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    const residentPhone = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    try {
      // The admin opens the printed link and sets up the agency.
      const page = adminPhone.page;
      await page.goto(await harness.setupLink());
      await page
        .getByRole('heading', { level: 1, name: 'Set up Restorativ for your organisation' })
        .waitFor();
      await look(page, 'setup');
      await page
        .getByRole('textbox', { name: 'Name of the organisation' })
        .fill(admin.organisation);
      await page.locator('label', { hasText: 'Police agency' }).click();
      await page.getByRole('textbox', { name: 'Your name' }).fill(admin.name);
      await page.getByRole('textbox', { name: 'Email address' }).fill(admin.email);
      await page.getByLabel('Choose a password').fill(admin.password);
      await page.getByRole('button', { name: 'Create the organisation' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your organisation is ready' }).waitFor();
      await look(page, 'setup-done');

      // Signing in for the first time asks for the second factor before anything else.
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(
        admin.email,
      );
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await look(page, 'admin-sign-in');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('heading', { level: 2, name: 'One more step to protect your account' })
        .waitFor();
      await look(page, 'admin-account-second-factor-required');
      await page.getByRole('link', { name: 'Set up your second factor' }).click();
      await setUpAuthenticatorApp(page, admin.password, 'admin');
      await look(page, 'admin-account');

      // A program run with a community organisation that is not on Restorativ yet.
      await page.getByRole('link', { name: `Manage ${admin.organisation}` }).click();
      await page.getByRole('heading', { level: 1, name: admin.organisation }).waitFor();
      await look(page, 'organisation');
      await page.getByRole('button', { name: 'New program' }).click();
      await page.getByRole('textbox', { name: 'Name of the program' }).fill(program);
      await page
        .getByRole('textbox', { name: 'What it is for (optional)' })
        .fill('Monthly circles between residents and the officers who patrol Eastside.');
      await page.getByRole('button', { name: 'Add a partner' }).click();
      await page.getByLabel('Partner 1').selectOption({ label: 'A new organisation…' });
      await page.getByRole('textbox', { name: 'Name of the new organisation' }).fill(partner);
      await look(page, 'new-program');
      await page.getByRole('button', { name: 'Create the program' }).click();
      await page.getByText(`The program ${program} is created.`).waitFor();
      await page.getByText(`Run by ${admin.organisation}, ${partner}`).waitFor();

      // The facilitator is invited by email.
      await page.getByRole('button', { name: 'Invite someone' }).click();
      await page.getByRole('textbox', { name: 'Their email address' }).fill(facilitator.email);
      await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Facilitator' });
      await page.getByLabel('Program', { exact: true }).selectOption({ label: program });
      await look(page, 'invite-by-email');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByText(`The invitation is on its way to ${facilitator.email}.`).waitFor();

      // …opens the link in the email on their own phone, and creates their account.
      const email = await latestEmail(harness.url, facilitator.email, 'invitation');
      expect(email.textBody).toContain(admin.name);
      const fp = facilitatorPhone.page;
      await fp.goto(invitationLinkIn(email));
      await fp.getByRole('heading', { level: 2, name: 'Create your account' }).waitFor();
      await fp
        .getByText(`${admin.name} invites you to join ${program}, run by ${admin.organisation}.`)
        .waitFor();
      await look(fp, 'facilitator-invitation');
      await fp.getByRole('textbox', { name: 'Your name' }).fill(facilitator.name);
      await fp.getByLabel('Choose a password').fill(facilitator.password);
      await fp.getByRole('button', { name: 'Create my account' }).click();
      await setUpAuthenticatorApp(fp, facilitator.password, 'facilitator');
      await fp.getByText(`You are signed in as ${facilitator.name}.`).waitFor();
      await fp.getByText('Facilitator', { exact: true }).waitFor();
      await look(fp, 'facilitator-account');

      // The admin makes a link for residents, shown once.
      await page.getByRole('button', { name: 'Invite someone' }).click();
      await page.locator('label.radio', { hasText: 'By a link to share' }).click();
      await page.getByLabel('Program', { exact: true }).selectOption({ label: program });
      await page.getByRole('textbox', { name: 'How many people may use the link' }).fill('40');
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
      await look(page, 'resident-link');
      const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
      await page.getByRole('button', { name: 'I have copied it' }).click();

      // A resident opens it on their phone, changes the page to Spanish and joins as "Luz M.".
      const rp = residentPhone.page;
      await rp.goto(link);
      await rp.getByRole('heading', { level: 1, name: 'You are invited' }).waitFor();
      await switchLanguage(rp, 'es');
      await rp.getByRole('heading', { level: 1, name: 'Le invitaron' }).waitFor();
      expect(await rp.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
      await look(rp, 'resident-invitation');
      await rp.getByRole('textbox', { name: 'El nombre que verán los demás' }).fill('Luz M.');
      await rp.getByRole('button', { name: 'Unirme' }).click();
      await rp.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      // One full stop after a name that ends with one.
      await rp.getByText('Ha iniciado sesión como Luz M.', { exact: true }).waitFor();
      await rp.getByText('Residente', { exact: true }).waitFor();
      expect(await rp.getAttribute('html', 'lang')).toBe('es');
      expect(await rp.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
      // No address was asked for and none is shown; giving one later is offered, as a choice.
      expect(await rp.getByText('@').count()).toBe(0);
      expect(await rp.getByText(/^Correo electrónico:/).count()).toBe(0);
      await rp
        .getByRole('region', {
          name: 'Agregue un correo electrónico para volver desde otro dispositivo (opcional)',
        })
        .waitFor();
      await look(rp, 'resident-account');

      // The admin sees everyone in their place.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: admin.organisation }).waitFor();
      await page.getByText(facilitator.name, { exact: true }).waitFor();
      await page.getByText('Luz M.', { exact: true }).waitFor();
      await page.getByText('1 of 40 used').waitFor();
      // Signed in, the header offers the account; the admin cannot lock themselves out.
      await page.getByRole('banner').getByRole('link', { name: 'Your account' }).waitFor();
      expect(
        await page.getByRole('button', { name: `Disable the account of ${admin.name}` }).count(),
      ).toBe(0);
      await look(page, 'organisation-after');

      for (const opened of [adminPhone, facilitatorPhone, residentPhone]) {
        expect(opened.errors).toEqual([]);
      }
    } finally {
      await Promise.all([adminPhone.close(), facilitatorPhone.close(), residentPhone.close()]);
    }
  }, 120_000);
});
