import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

// A fresh server of its own: the first test sets it up from its printed link, in English on a
// desktop; the later ones sign in to it.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Eastside Community Mediation',
  name: 'Sam Okafor',
  email: 'sam@eastside.example',
  password: 'kettle lantern orchard',
};

async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email address' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('first run and signing in, in English on a desktop', () => {
  it('should set up the organisation, then sign in after a wrong password and sign out', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: desktop,
      locale: 'en-US',
    });
    try {
      await page.goto(await harness.setupLink());
      await page
        .getByRole('heading', { level: 1, name: 'Set up Restorativ for your organisation' })
        .waitFor();
      expect(await page.title()).toBe('Set up Restorativ · Restorativ');
      const password = page.getByLabel('Choose a password');
      expect(await password.getAttribute('autocomplete')).toBe('new-password');
      expect(
        await page.getByRole('textbox', { name: 'Email address' }).getAttribute('autocomplete'),
      ).toBe('email');
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-form-en-desktop');

      // Sending it empty: every field says what it needs, and the kind of organisation too.
      await page.getByRole('button', { name: 'Create the organisation' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Some answers need a change' });
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Give the organisation a name of at least 2 characters.',
        'Choose what kind of organisation this is.',
        'Give your name.',
        'Give an email address such as name@example.org.',
        'Choose a password of at least 12 characters.',
      ]);
      expect(await page.getByRole('radiogroup').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-errors-en-desktop');
      await page
        .getByRole('textbox', { name: 'Name of the organisation' })
        .fill(admin.organisation);
      // The summary's link to the radio group moves focus onto its first option, and the arrow
      // keys move through the options from there.
      await summary
        .getByRole('link', { name: 'Choose what kind of organisation this is.' })
        .click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type') ?? null)).toBe(
        'radio',
      );
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'Community organisation' }).isChecked()).toBe(
        true,
      );
      await page.getByRole('textbox', { name: 'Your name' }).fill(admin.name);
      await page.getByRole('textbox', { name: 'Email address' }).fill(admin.email);
      await password.fill(admin.password);
      await password.press('Enter');

      await page.getByRole('heading', { level: 1, name: 'Your organisation is ready' }).waitFor();
      expect(await page.title()).toBe('Your organisation is ready · Restorativ');
      await page
        .getByText(`${admin.organisation} is set up on Restorativ, and you are its administrator.`)
        .waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-done-en-desktop');

      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await fillSignIn(page, admin.email, 'kettle lantern orchid');
      const mismatch = 'That email and password do not match. Check them and try again.';
      await page.getByRole('alert').filter({ hasText: mismatch }).waitFor();
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe(
        'kettle lantern orchid',
      );
      await expectNoAxeViolations(page);
      await screenshot(page, 'sign-in-wrong-en-desktop');

      // The address is not case-sensitive.
      await fillSignIn(page, admin.email.toUpperCase(), admin.password);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByText(`You are signed in as ${admin.name}.`).waitFor();
      await page.getByText('Organisation admin', { exact: true }).waitFor();
      expect(await page.title()).toBe('Your account · Restorativ');
      await expectNoAxeViolations(page);
      await screenshot(page, 'me-en-desktop');

      // Opening sign-in again while signed in leads straight back to the account.
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/me');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'A safe place to talk, listen and repair harm' })
        .waitFor();
      await page.getByText('You have signed out.').waitFor();
      // Focus lands on the home page's heading, as after any navigation.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

      // Expected refusal, logged by the browser: the wrong password (401). Nothing else.
      expect(
        withoutExpectedResponses(errors, [{ status: 401, path: '/api/auth/sign-in/email' }]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should ask for what is missing, and keep everything when the connection drops', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Some answers need a change' });
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Enter your email address.',
        'Enter your password.',
      ]);
      await expectNoAxeViolations(page);

      // The phone loses its connection just as the form is sent.
      await page.route('**/api/auth/sign-in/email', (route) => route.abort());
      await fillSignIn(page, admin.email, admin.password);
      await page
        .getByRole('alert')
        .filter({ hasText: 'We could not reach Restorativ. Check your connection' })
        .waitFor();
      expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(
        admin.email,
      );
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe(admin.password);
      await expectNoAxeViolations(page);
      await screenshot(page, 'sign-in-offline-en-phone');

      // Back online, the same form goes through.
      await page.unroute('**/api/auth/sign-in/email');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      // The aborted request is logged by the browser; it is the one this test provoked.
      expect(
        withoutExpectedResponses(errors, [
          { status: 'network-error', path: '/api/auth/sign-in/email' },
        ]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should tell the admin created by `restorativ init` to choose a password, and confirm it', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: desktop,
      locale: 'en-US',
    });
    // This server was set up from its link; these answers stand in for one set up by
    // `restorativ init` instead, whose link lets the admin choose a password.
    const token = 'a-token-from-restorativ-init-0123456789';
    await page.route('**/api/setup/status?*', (route) =>
      route.fulfill({
        json: {
          state: 'choose-password',
          organisationName: 'Northside Police Department',
          adminEmail: 'chief@northside.example',
        },
      }),
    );
    const sent: unknown[] = [];
    await page.route('**/api/setup/password', (route) => {
      sent.push(route.request().postDataJSON());
      return route.fulfill({ json: { organisationId: 'o1', personId: 'p1' } });
    });
    try {
      await page.goto(`${harness.url}/setup#${token}`);
      await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
      await page
        .getByText('Choose the password you will use to sign in as chief@northside.example.', {
          exact: false,
        })
        .waitFor();
      const password = page.getByLabel('New password');
      expect(await password.getAttribute('autocomplete')).toBe('new-password');
      await password.fill('too short');
      await page.getByRole('button', { name: 'Save my password' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Choose a password of at least 12 characters.' })
        .waitFor();
      expect(sent).toEqual([]);
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-choose-password-en-desktop');

      await password.fill('river stone meadow');
      await page.getByRole('button', { name: 'Save my password' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your password is saved' }).waitFor();
      expect(sent).toEqual([{ token, password: 'river stone meadow' }]);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should explain, without losing calm, when someone else finished setting up first', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    // Two people opened the link; the other one sent the form a moment earlier.
    await page.route('**/api/setup/status?*', (route) =>
      route.fulfill({ json: { state: 'open' } }),
    );
    await page.route('**/api/setup', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        json: {
          type: 'about:blank',
          title: 'This conflicts with the current state',
          status: 409,
          detail: 'Restorativ was set up by someone else a moment ago.',
        },
      }),
    );
    try {
      await page.goto(`${harness.url}/setup#a-token-that-someone-else-used-first`);
      await page
        .getByRole('heading', { level: 1, name: 'Set up Restorativ for your organisation' })
        .waitFor();
      await page.getByRole('textbox', { name: 'Name of the organisation' }).fill('Westside School');
      await page.locator('label', { hasText: 'School' }).click();
      await page.getByRole('textbox', { name: 'Your name' }).fill('Lee Park');
      await page.getByRole('textbox', { name: 'Email address' }).fill('lee@westside.example');
      await page.getByLabel('Choose a password').fill('paper crane window');
      await page.getByRole('button', { name: 'Create the organisation' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Restorativ has just been set up' })
        .waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-conflict-en-phone');
      expect(withoutExpectedResponses(errors, [{ status: 409, path: '/api/setup' }])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should show the setup form and its messages in dark colours that pass axe', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
      colorScheme: 'dark',
    });
    // This server's own link is used up; the form itself is what is looked at here.
    await page.route('**/api/setup/status?*', (route) =>
      route.fulfill({ json: { state: 'open' } }),
    );
    try {
      await page.goto(`${harness.url}/setup#a-token-only-for-looking-at-the-form`);
      await page.getByRole('button', { name: 'Crear la organización' }).click();
      await page.getByRole('alert').filter({ hasText: 'Algunas respuestas' }).waitFor();
      await page.locator('label', { hasText: 'Escuela' }).click();
      await expectNoAxeViolations(page);
      await screenshot(page, 'setup-errors-es-phone-dark');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
