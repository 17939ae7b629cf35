import { describe, expect, it } from 'vitest';
import { setUpFirstAdmin } from './support/accounts.ts';
import { ApiSession, signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { invitationLinkIn, latestEmail } from './support/outbox.ts';

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

interface Person {
  id: string;
  name: string;
  disabled: boolean;
  roles: { role: string; programName: string | null; verifiedAt: string | null }[];
}

describe('an organisation’s admin page', () => {
  it('should create a program with partners, verify an officer, make a link and disable an account', async () => {
    const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
    const { session } = await signInAndSetUpSecondFactor(harness.url, admin);
    const orgPath = `/api/organisations/${organisationId}`;
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
      { token: new URL(link).hash.slice(1), name: 'Dan Reyes', password: 'a long walk home' },
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
      const dan = people.find((person) => person.id === danId);
      expect(dan?.disabled).toBe(true);
      expect(dan?.roles.find((role) => role.role === 'officer')?.verifiedAt).not.toBeNull();
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
});
