import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ApiSession, adminWithProgram } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { countEmails, invitationLinkIn, latestEmail, signInLinkIn } from './support/outbox.ts';

// Signing in with a link sent by email, for people without a password: a resident invited by
// email joins, signs out, and comes back with a link from the real outbox. The page says the
// same whoever asks, so no one learns who has an account here.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Westbrook Police Department',
  name: 'Alma Reyes',
  email: 'alma@westbrook.example',
  password: 'slow kites over westbrook',
} as const;

let organisationId = '';
let programId = '';
let adminSession: ApiSession;

async function world(): Promise<void> {
  if (adminSession) return;
  ({
    organisationId,
    programId,
    session: adminSession,
  } = await adminWithProgram(harness, admin, 'Westbrook listening circles'));
}

/** Asks for a link on the sign-in page, from the password form. */
async function askForLink(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in with a link by email' }).waitFor();
  await page.getByRole('textbox', { name: 'Email address' }).fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
}

describe('signing in with a link sent by email', () => {
  it('should let a resident invited by email come back with a link, and say kindly when a link was used', async () => {
    await world();
    const resident = 'rosa@example.org';
    await adminSession.call(`/api/organisations/${organisationId}/invitations`, 'POST', {
      delivery: 'email',
      email: resident,
      role: 'resident',
      programId,
      language: 'en',
    });
    const invitation = invitationLinkIn(await latestEmail(harness.url, resident, 'invitation'));
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
    });
    try {
      await page.goto(invitation);
      await page.getByRole('textbox', { name: 'The name others will see' }).fill('Rosa');
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.getByText('You have signed out.').waitFor();

      await page.goto(`${harness.url}/sign-in`);
      await page.getByRole('heading', { level: 2, name: 'No password?' }).waitFor();
      await captureEverywhere(page, 'sign-in-link-offer');
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in with a link by email' }).waitFor();
      // Focus follows the change, so a screen reader announces the new heading.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByRole('alert').filter({ hasText: 'Enter your email address.' }).waitFor();
      await captureEverywhere(page, 'sign-in-link-form');
      await page.getByRole('textbox', { name: 'Email address' }).fill(resident);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await page
        .getByText(
          `If ${resident} has an account here, a link is on its way. It works for 15 minutes.`,
        )
        .waitFor();
      await captureEverywhere(page, 'sign-in-link-sent');

      const link = signInLinkIn(await latestEmail(harness.url, resident, 'magic-link'));
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await page.getByText('You are signed in as Rosa.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/me');

      // The same link again, signed out: it has been used, and the page says so kindly.
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.getByText('You have signed out.').waitFor();
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Sign in with a link by email' }).waitFor();
      await page.getByText('That sign-in link no longer works').waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await captureEverywhere(page, 'sign-in-link-used');
      // From there, a new link is one step away.
      await page.getByRole('textbox', { name: 'Email address' }).fill(resident);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      expect(await countEmails(harness.url, resident, 'magic-link')).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should answer the same for an unknown address and for staff, send them nothing, and slow down repeated asking', async () => {
    await world();
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      for (const email of ['nobody@example.org', admin.email]) {
        await page.goto(`${harness.url}/sign-in`);
        await askForLink(page, email);
        await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
        await page.getByText(`If ${email} has an account here, a link is on its way.`).waitFor();
      }
      // Staff sign in with their password and second factor: a link would skip the second.
      expect(await countEmails(harness.url, admin.email, 'magic-link')).toBe(0);
      expect(await countEmails(harness.url, 'nobody@example.org', 'magic-link')).toBe(0);

      // Asking again and again for one address is slowed down, readably.
      const again = page.getByRole('button', { name: 'Send another link, or use another address' });
      for (let tries = 0; tries < 5; tries += 1) {
        await again.click();
        await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
        const slowed = page.getByRole('alert').filter({ hasText: 'several links in a short time' });
        const sent = page.getByRole('heading', { level: 1, name: 'Check your email' });
        await slowed.or(sent).waitFor();
        if (await slowed.isVisible()) break;
      }
      await page
        .getByRole('alert')
        .filter({ hasText: 'Please wait 15 minutes, then ask again.' })
        .waitFor();
      await expectNoAxeViolations(page);
      expect(
        withoutExpectedResponses(errors, [{ status: 429, path: '/api/auth/sign-in/magic-link' }]),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});
