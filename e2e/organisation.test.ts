import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// The organisation's admin page against shared/organisations and shared/invitations: the
// routes answer from a fake that records what the page sends.
const harness = setUpServerAndBrowser();

const orgId = '0b6c2d57-6f0e-4a55-8a51-6d3f8b1c9e01';
const programId = '5e1f7a22-3c4b-4d8e-9f10-2a3b4c5d6e7f';
const agency = { id: orgId, name: 'Riverside Police Department', kind: 'police_agency' };
const partner = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  name: 'Eastside Mediation',
  kind: 'community_organisation',
};

async function serveFake(page: Page, sent: { method: string; path: string; body: unknown }[]) {
  const programs = [
    {
      id: programId,
      name: 'Eastside listening circles',
      description: 'Monthly circles between residents and the officers who patrol Eastside.',
      leadOrganisation: agency,
      organisations: [agency, partner],
      createdAt: '2026-02-01T10:00:00.000Z',
    },
  ];
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    const method = request.method();
    if (method !== 'GET') sent.push({ method, path, body: request.postDataJSON() });
    if (path === `/api/organisations/${orgId}`)
      return route.fulfill({ json: { ...agency, programs } });
    if (path === '/api/organisations')
      return route.fulfill({ json: { organisations: [agency, partner] } });
    if (path === `/api/organisations/${orgId}/programs`) {
      const body = request.postDataJSON() as { name: string; description: string };
      const program = {
        id: 'new-program',
        name: body.name,
        description: body.description,
        leadOrganisation: agency,
        organisations: [agency],
        createdAt: '2026-03-01T10:00:00.000Z',
      };
      programs.push(program);
      return route.fulfill({ json: program });
    }
    if (path === `/api/organisations/${orgId}/people`) {
      return route.fulfill({
        json: {
          people: [
            {
              id: 'p1',
              name: 'Marisol Vega',
              email: 'marisol@riverside.example',
              disabled: false,
              secondFactor: true,
              roles: [
                {
                  id: 'm1',
                  role: 'org_admin',
                  programId: null,
                  programName: null,
                  verifiedAt: null,
                },
              ],
            },
            {
              id: 'p2',
              name: 'Officer Dan Reyes',
              email: 'dan@riverside.example',
              disabled: false,
              secondFactor: true,
              roles: [
                {
                  id: 'm2',
                  role: 'officer',
                  programId,
                  programName: 'Eastside listening circles',
                  verifiedAt: null,
                },
              ],
            },
          ],
        },
      });
    }
    if (path.endsWith('/disable') || path.endsWith('/verify-officer'))
      return route.fulfill({ status: 204 });
    if (path === `/api/organisations/${orgId}/invitations` && method === 'GET') {
      return route.fulfill({
        json: {
          invitations: [
            {
              id: 'i1',
              delivery: 'email',
              email: 'jo@riverside.example',
              role: 'facilitator',
              organisationId: orgId,
              programId: null,
              programName: null,
              maxUses: 1,
              uses: 0,
              expiresAt: '2026-03-20T10:00:00.000Z',
              state: 'open',
              createdByName: 'Marisol Vega',
              createdAt: '2026-03-06T10:00:00.000Z',
            },
          ],
        },
      });
    }
    if (path === `/api/organisations/${orgId}/invitations`) {
      return route.fulfill({
        json: {
          invitation: {
            id: 'i2',
            delivery: 'link',
            email: null,
            role: 'resident',
            organisationId: orgId,
            programId,
            programName: 'Eastside listening circles',
            maxUses: 30,
            uses: 0,
            expiresAt: '2026-03-20T10:00:00.000Z',
            state: 'open',
            createdByName: 'Marisol Vega',
            createdAt: '2026-03-06T10:00:00.000Z',
          },
          link: `${harness.url}/join#a-shared-link-token-0123456789`,
        },
      });
    }
    return route.fallback();
  });
}

describe('an organisation’s admin page', () => {
  it('should create a program with a new partner, verify an officer, make a link and disable an account', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    const sent: { method: string; path: string; body: unknown }[] = [];
    await serveFake(page, sent);
    try {
      await page.goto(`${harness.url}/organisations/${orgId}`);
      await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
      await page.getByText('Not verified yet').waitFor();
      await page.getByText('jo@riverside.example').waitFor();
      await captureEverywhere(page, 'organisation');

      await page.getByRole('button', { name: 'New program' }).click();
      await page
        .getByRole('textbox', { name: 'Name of the program' })
        .fill('Youth and police dialogues');
      await page.getByRole('button', { name: 'Add a partner' }).click();
      await page.getByLabel('Partner 1').selectOption({ label: 'An organisation not listed yet…' });
      await page
        .getByRole('textbox', { name: 'Name of the new organisation' })
        .fill('Northside Youth Centre');
      await captureEverywhere(page, 'organisation-new-program');
      await page.getByRole('button', { name: 'Create the program' }).click();
      await page.getByText('The program Youth and police dialogues is created.').waitFor();

      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('button', { name: 'Invite someone' }).click();
      await page.locator('label.radio', { hasText: 'By a link to share' }).click();
      await page
        .getByLabel('Program', { exact: true })
        .selectOption({ label: 'Eastside listening circles' });
      await page.getByRole('textbox', { name: 'How many people may use the link' }).fill('30');
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
      expect(await page.getByTestId('invitation-link').textContent()).toBe(
        `${harness.url}/join#a-shared-link-token-0123456789`,
      );
      await captureEverywhere(page, 'organisation-link');
      await page.getByRole('button', { name: 'I have copied it' }).click();
      expect(await page.getByTestId('invitation-link').count()).toBe(0);

      await page.getByRole('button', { name: 'Disable the account of Officer Dan Reyes' }).click();
      const dialog = page.getByRole('dialog', {
        name: 'Disable the account of Officer Dan Reyes?',
      });
      await dialog.waitFor();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Disable the account' }).click();
      await page.getByText('The account of Officer Dan Reyes is disabled.').waitFor();

      expect(sent).toEqual([
        {
          method: 'POST',
          path: `/api/organisations/${orgId}/programs`,
          body: {
            name: 'Youth and police dialogues',
            description: '',
            partners: [{ name: 'Northside Youth Centre', kind: 'community_organisation' }],
          },
        },
        { method: 'POST', path: `/api/organisations/${orgId}/people/p2/verify-officer`, body: {} },
        {
          method: 'POST',
          path: `/api/organisations/${orgId}/invitations`,
          body: {
            delivery: 'link',
            role: 'resident',
            programId,
            maxUses: 30,
            expiresInDays: 14,
            language: 'en',
          },
        },
        { method: 'POST', path: `/api/organisations/${orgId}/people/p2/disable`, body: {} },
      ]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
