import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// The invitation page against shared/invitations/contract.ts: the preview and accept routes
// answer from a fake here, so every state an invitation can be in is looked at.
const harness = setUpServerAndBrowser();

const token = 'an-invitation-token-0123456789abcdef';

const open = {
  state: 'open',
  role: 'resident',
  organisationName: 'Riverside Police Department',
  programName: 'Eastside listening circles',
  inviterName: 'Marisol Vega',
  next: 'join',
  email: null,
  language: 'es',
};

async function fakeInvitation(page: Page, preview: object, accepted: unknown[] = []) {
  await page.route('**/api/invitations/preview?*', (route) => route.fulfill({ json: preview }));
  await page.route('**/api/invitations/accept', (route) => {
    accepted.push(route.request().postDataJSON());
    return route.fulfill({ json: { personId: 'p9', secondFactor: 'not-required' } });
  });
  // After joining, the account page of the resident.
  await page.route('**/api/me', (route) =>
    route.fulfill({
      json: {
        personId: 'p9',
        name: 'Luz',
        email: '',
        language: 'es',
        secondFactor: 'not-required',
        roles: [
          {
            organisationId: 'o1',
            organisationName: 'Riverside Police Department',
            programId: 'g1',
            role: 'resident',
          },
        ],
      },
    }),
  );
  await page.route('**/api/me/sessions', (route) => route.fulfill({ json: { sessions: [] } }));
}

describe('accepting an invitation', () => {
  it('should let a resident join from a link under a name of their choosing', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
      hasTouch: true,
      isMobile: true,
    });
    const accepted: unknown[] = [];
    await fakeInvitation(page, open, accepted);
    try {
      await page.goto(`${harness.url}/join#${token}`);
      await page.getByRole('heading', { level: 1, name: 'Le invitaron' }).waitFor();
      await page
        .getByText(
          'Marisol Vega le invita a unirse a Eastside listening circles, a cargo de Riverside Police Department.',
        )
        .waitFor();
      await captureEverywhere(page, 'join-resident');

      await page.getByRole('button', { name: 'Unirme' }).click();
      const message =
        'Elija un nombre para que lo vean los demás. No tiene que ser su nombre real.';
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      expect(accepted).toEqual([]);
      await expectNoAxeViolations(page);

      await page.getByRole('textbox', { name: 'El nombre que verán los demás' }).fill('Luz');
      await page.getByRole('button', { name: 'Unirme' }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByText('Le damos la bienvenida, Luz.').waitFor();
      expect(accepted).toEqual([{ token, name: 'Luz', language: 'es' }]);
      expect(new URL(page.url()).pathname).toBe('/me');
      await captureEverywhere(page, 'me-resident');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should ask a new staff member for a password, and one with an account to sign in first', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    await fakeInvitation(page, {
      ...open,
      role: 'facilitator',
      programName: null,
      next: 'create-account',
      email: 'jo@riverside.example',
      language: 'en',
    });
    try {
      await page.goto(`${harness.url}/join#${token}`);
      await page.getByRole('heading', { level: 2, name: 'Create your account' }).waitFor();
      await page.getByText('Invitation sent to').waitFor();
      await page.getByText('Facilitator', { exact: true }).waitFor();
      await page.getByRole('textbox', { name: 'Your name' }).fill('Jo Park');
      await page.getByLabel('Choose a password').fill('short');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Choose a password of at least 12 characters.' })
        .waitFor();
      await captureEverywhere(page, 'join-staff');

      await page.unrouteAll();
      await fakeInvitation(page, {
        ...open,
        role: 'coordinator',
        next: 'sign-in-first',
        email: 'sam@eastside.example',
        language: 'en',
      });
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Sign in to accept' }).waitFor();
      await captureEverywhere(page, 'join-sign-in-first');
      await page.getByRole('link', { name: 'Sign in to accept' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(
        'sam@eastside.example',
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should say kindly when an invitation can no longer be used, and why', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    try {
      const headings = {
        expired: 'Esta invitación venció',
        used: 'Esta invitación ya se usó',
        revoked: 'Esta invitación se retiró',
      } as const;
      for (const [state, heading] of Object.entries(headings)) {
        await page.unrouteAll();
        await fakeInvitation(page, { state });
        await page.goto(`${harness.url}/join#${token}-${state}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.getByText('Usted no hizo nada mal.').waitFor();
        await captureEverywhere(page, `join-${state}`);
      }
      // A cut-off link never reaches the server.
      await page.goto(`${harness.url}/join#short`);
      await page
        .getByRole('heading', { level: 1, name: 'Este enlace de invitación no funciona' })
        .waitFor();
      await captureEverywhere(page, 'join-invalid');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
