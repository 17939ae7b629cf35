import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpFirstAdmin } from './support/accounts.ts';
import { ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { captureEverywhere, switchLanguage } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { invitationLinkIn, latestEmail } from './support/outbox.ts';
import { screenshot } from './support/screenshot.ts';

// An agency's admin page on the real server. The world is built through the API first: the
// agency from first-run setup, a program with a partner, a facilitator who joined from their
// email and was later given the officer role (not verified yet), and an invitation still open.
const harness = setUpServerAndBrowser();

const admin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;

const dan = { email: 'dan@riverside.example', password: 'a long walk home' } as const;

// The admin's session and organisation, kept from the first test for the second.
let adminSession: ApiSession | undefined;
let riversideId = '';

interface Person {
  id: string;
  name: string;
  disabled: boolean;
  secondFactor: boolean;
  roles: { role: string; programName: string | null; verifiedAt: string | null }[];
}

/** Closes the toasts (e.g. "This page is now in English") so they do not cover a dialog. */
async function dismissToasts(page: Page): Promise<void> {
  for (const name of ['Dismiss', 'Cerrar']) {
    const buttons = page.getByRole('region').getByRole('button', { name, exact: true });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }
}

/**
 * Opens a confirm dialog in English and in Spanish: an axe check and a phone screenshot each
 * time. Leaves the page in English with the dialog open.
 */
async function lookAtDialog(
  page: Page,
  name: string,
  open: { en: string; es: string },
  title: { en: string; es: string },
): Promise<void> {
  const openIn = async (language: 'en' | 'es') => {
    await switchLanguage(page, language);
    await dismissToasts(page);
    await page.getByRole('button', { name: open[language], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: title[language] });
    await dialog.waitFor();
    return dialog;
  };
  for (const language of ['en', 'es'] as const) {
    const dialog = await openIn(language);
    await expectNoAxeViolations(page);
    await screenshot(page, `${name}-${language}-phone`);
    await dialog.getByRole('button', { name: language === 'en' ? 'Cancel' : 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await openIn('en');
}

describe('an organisation’s admin page', () => {
  it('should create a program with partners, verify an officer, make a link and disable an account', async () => {
    const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
    const { session } = await signInAndSetUpSecondFactor(harness.url, admin);
    const orgPath = `/api/organisations/${organisationId}`;
    adminSession = session;
    riversideId = organisationId;
    const { id: programId } = await session.call<{ id: string }>(`${orgPath}/programs`, 'POST', {
      name: 'Eastside listening circles',
      description: 'Monthly circles between residents and the officers who patrol Eastside.',
      partners: [{ name: 'Eastside Mediation', kind: 'community_organisation' }],
    });
    await session.call(`${orgPath}/invitations`, 'POST', {
      delivery: 'email',
      email: 'dan@riverside.example',
      role: 'facilitator',
    });
    const link = invitationLinkIn(
      await latestEmail(harness.url, 'dan@riverside.example', 'invitation'),
    );
    const { personId: danId } = await new ApiSession(harness.url).call<{ personId: string }>(
      '/api/invitations/accept',
      'POST',
      { token: new URL(link).hash.slice(1), name: 'Dan Reyes', password: dan.password },
    );
    await session.call(`${orgPath}/people/${danId}/roles`, 'POST', { role: 'officer', programId });
    await session.call(`${orgPath}/invitations`, 'POST', {
      delivery: 'email',
      email: 'jo@riverside.example',
      role: 'facilitator',
    });

    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    await session.shareWith(page.context());
    try {
      await page.goto(`${harness.url}/me`);
      await page.getByRole('link', { name: 'Manage Riverside Police Department' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
      await page.getByText('Not verified yet').waitFor();
      await page.getByText('jo@riverside.example').waitFor();
      await page.getByText('Run by Riverside Police Department, Eastside Mediation').waitFor();
      await captureEverywhere(page, 'organisation');

      // A partner already here is chosen from the list; a new one is added by name.
      await page.getByRole('button', { name: 'New program' }).click();
      await page
        .getByRole('textbox', { name: 'Name of the program' })
        .fill('Youth and police dialogues');
      await page.getByRole('button', { name: 'Add a partner' }).click();
      await page.getByLabel('Partner 1').selectOption({ label: 'Eastside Mediation' });
      await page.getByRole('button', { name: 'Add a partner' }).click();
      await page.getByLabel('Partner 2').selectOption({ label: 'A new organisation…' });
      await page
        .getByRole('textbox', { name: 'Name of the new organisation' })
        .fill('Northside Youth Centre');
      await captureEverywhere(page, 'organisation-new-program');
      await page.getByRole('button', { name: 'Create the program' }).click();
      await page.getByText('The program Youth and police dialogues is created.').waitFor();
      await page
        .getByText('Run by Riverside Police Department, Eastside Mediation, Northside Youth Centre')
        .waitFor();

      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText('Not verified yet').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Invite someone' }).click();
      await page.locator('label.radio', { hasText: 'By a link to share' }).click();
      await page
        .getByLabel('Program', { exact: true })
        .selectOption({ label: 'Eastside listening circles' });
      await page.getByRole('textbox', { name: 'How many people may use the link' }).fill('30');
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
      const shared = (await page.getByTestId('invitation-link').textContent()) ?? '';
      expect(shared).toMatch(new RegExp(`^${harness.url}/join#[\\w-]{20,}$`));
      await captureEverywhere(page, 'organisation-link');
      await page.getByRole('button', { name: 'I have copied it' }).click();
      expect(await page.getByTestId('invitation-link').count()).toBe(0);
      await page.getByText('0 of 30 used').waitFor();

      await page.getByRole('button', { name: 'Disable the account of Dan Reyes' }).click();
      const dialog = page.getByRole('dialog', { name: 'Disable the account of Dan Reyes?' });
      await dialog.waitFor();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Disable the account' }).click();
      await page.getByText('The account of Dan Reyes is disabled.').waitFor();

      // What the server now holds.
      const { people } = await session.call<{ people: Person[] }>(`${orgPath}/people`);
      const disabled = people.find((person) => person.id === danId);
      expect(disabled?.disabled).toBe(true);
      expect(disabled?.roles.find((role) => role.role === 'officer')?.verifiedAt).not.toBeNull();
      const preview = await new ApiSession(harness.url).call(
        `/api/invitations/preview?token=${new URL(shared).hash.slice(1)}`,
      );
      expect(preview).toMatchObject({ state: 'open', programName: 'Eastside listening circles' });
      const directory = await session.call<{ organisations: { name: string }[] }>(
        '/api/organisations',
      );
      expect(directory.organisations.map((one) => one.name).sort()).toEqual([
        'Eastside Mediation',
        'Northside Youth Centre',
        'Riverside Police Department',
      ]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should let a disabled facilitator sign in again and reset a lost second factor', async () => {
    // Follows the first test on the same server: Dan's account is disabled.
    const session = adminSession;
    if (!session) throw new Error('The first test builds the world this one needs.');
    const organisationId = riversideId;
    const danNow = async () =>
      (
        await session.call<{ people: Person[] }>(`/api/organisations/${organisationId}/people`)
      ).people.find((person) => person.name === 'Dan Reyes');

    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    await session.shareWith(page.context());
    try {
      await page.goto(`${harness.url}/organisations/${organisationId}`);
      await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
      expect(
        await page.getByRole('button', { name: 'Reset the second factor of Dan Reyes' }).count(),
      ).toBe(0);

      await lookAtDialog(
        page,
        'organisation-enable',
        { en: 'Enable the account of Dan Reyes', es: 'Reactivar la cuenta de Dan Reyes' },
        { en: 'Enable the account of Dan Reyes?', es: '¿Reactivar la cuenta de Dan Reyes?' },
      );
      const enable = page.getByRole('dialog', { name: 'Enable the account of Dan Reyes?' });
      await enable.getByText('They can sign in again.').waitFor();
      await enable.getByRole('button', { name: 'Enable the account' }).click();
      await page.getByText('Dan Reyes can sign in again.').waitFor();
      await page.getByRole('button', { name: 'Disable the account of Dan Reyes' }).waitFor();
      expect((await danNow())?.disabled).toBe(false);

      // Dan signs in again and sets up his app; later he loses it and his backup codes.
      const { session: dansPhone } = await signInAndSetUpSecondFactor(harness.url, dan);
      expect((await danNow())?.secondFactor).toBe(true);

      await lookAtDialog(
        page,
        'organisation-reset-second-factor',
        {
          en: 'Reset the second factor of Dan Reyes',
          es: 'Restablecer el segundo factor de Dan Reyes',
        },
        {
          en: 'Reset the second factor of Dan Reyes?',
          es: '¿Restablecer el segundo factor de Dan Reyes?',
        },
      );
      const reset = page.getByRole('dialog', { name: 'Reset the second factor of Dan Reyes?' });
      await reset
        .getByText(
          'Only do this when you have confirmed, in person or by phone, that it is Dan Reyes asking.',
        )
        .waitFor();
      await reset.getByRole('button', { name: 'Reset the second factor' }).click();
      await page
        .getByText(
          'The second factor of Dan Reyes is reset. They set up a new one the next time they sign in.',
        )
        .waitFor();
      expect((await danNow())?.secondFactor).toBe(false);
      // Every session of his ended.
      expect(await dansPhone.call('/api/auth/get-session')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }

    // At his next sign-in with his password, he is asked to set up a new authenticator app.
    const fresh = await openPage(harness.browser, { viewport: phone, locale: 'en-US' });
    try {
      await fresh.page.goto(`${harness.url}/sign-in`);
      await fresh.page.getByRole('textbox', { name: 'Email address' }).fill(dan.email);
      await fresh.page.getByLabel('Password', { exact: true }).fill(dan.password);
      await fresh.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await fresh.page
        .getByRole('heading', { level: 2, name: 'One more step to protect your account' })
        .waitFor();
      await fresh.page.getByRole('link', { name: 'Set up your second factor' }).waitFor();
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
