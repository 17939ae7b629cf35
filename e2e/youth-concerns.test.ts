import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../shared/profile/contract.ts';
import { signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { demoLinkToken, setUpDemo } from './support/demo.ts';
import { latestEmail } from './support/outbox.ts';

// A safeguarding concern in the demo's youth program. Jayden, 16, whose grandmother has not
// answered the consent request yet, opens his own link on his phone and tells the program's
// safeguarding lead what worries him: a first try too short is answered beside the box with
// what he wrote still there. Sam Whitfield, the lead, is emailed that a concern was raised,
// without its words; on his laptop he reads it, records what he did and closes it. Amara, a
// coordinator of the demo, opening the same page is told that concerns go only to the lead.

const lead = { email: 'sam@peacecircle.example' } as const;
const coordinator = { email: 'amara@peacecircle.example' } as const;
const worry =
  'After the library meeting, one of the adults asked me to message him on my own phone and not tell anyone.';
const STEP_TIMEOUT = 300_000;
/** The lead's page of the program's concerns, as the email links to it. */
let concernsPage = '';

const { harness, demo } = setUpDemo();
const jaydenToken = () => demoLinkToken(demo, 'page of Jayden', '/youth/join');

/** The field (label, help, box and message) around a labelled input. */
function fieldOf(page: Page, label: string) {
  return page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });
}

describe('a safeguarding concern', () => {
  it(
    'should reach the safeguarding lead alone, who records what was done and closes it',
    async () => {
      const { session: samSession } = await signInAndSetUpSecondFactor(harness.url, {
        email: lead.email,
        password: demo.password,
      });
      const sam = await samSession.call<ProfileResponse>('/api/me');
      const programId = sam.roles.find((role) => role.role === 'facilitator')?.programId;
      if (!programId) throw new Error('Sam facilitates the youth and police dialogue.');
      const concernsPath = `/api/programs/${programId}/concerns`;

      const jayden = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        const page = jayden.page;
        await page.goto(`${harness.url}/youth/join#${jaydenToken()}`);
        await page.getByRole('button', { name: 'Open my page' }).click();
        await page.getByRole('heading', { level: 3, name: 'Worried about something?' }).waitFor();
        // His guardian has not answered: he cannot join activities, yet he can always tell.
        await page
          .getByText('We are waiting for your parent or guardian', { exact: false })
          .waitFor();

        const box = page.getByLabel('What happened, or what worries you?');
        await box.fill('help me');
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await fieldOf(page, 'What happened, or what worries you?')
          .getByText('Write a little more, at least 10 letters, so that Sam Whitfield understands.')
          .waitFor();
        await expect(box.inputValue()).resolves.toBe('help me');
        await captureEverywhere(page, 'youth-concern-too-short');

        await box.fill(worry);
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await page.getByText('Sent to Sam Whitfield. Only they will read it.').waitFor();
        await expect(page.getByLabel('What happened, or what worries you?').count()).resolves.toBe(
          0,
        );
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'youth-concern-sent');
        expect(
          withoutExpectedResponses(jayden.errors, [{ status: 400, path: concernsPath }]),
        ).toEqual([]);
      } finally {
        await jayden.close();
      }

      // The email says that there is a concern and where to read it, never what it says.
      const email = await latestEmail(harness.url, lead.email, 'youth-concern-raised');
      expect(email.subject).toBe('A safeguarding concern was raised in Youth and police dialogue');
      expect(email.textBody).not.toContain('library meeting');
      expect(email.htmlBody).not.toContain('library meeting');
      const link = /https?:\/\/\S+\/programs\/[\w-]+\/concerns/.exec(email.textBody)?.[0];
      if (!link) throw new Error('The email links to the concerns page.');
      concernsPage = new URL(link).pathname;

      const samPage = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      try {
        const page = samPage.page;
        await samSession.shareWith(page.context());
        await page.goto(`${harness.url}${concernsPage}`);
        await page
          .getByRole('heading', {
            level: 1,
            name: 'Safeguarding concerns: Youth and police dialogue',
          })
          .waitFor();
        const concern = page.getByRole('article').filter({ hasText: worry });
        await concern.getByText('Raised by Jayden').waitFor();
        await concern.getByText('Open', { exact: true }).waitFor();
        await concern.getByText('Nothing recorded yet.').waitFor();
        await captureEverywhere(page, 'youth-concerns-open');

        // Nothing to record yet: said beside the note.
        await concern.getByRole('button', { name: 'Add to the record' }).click();
        await fieldOf(page, 'What did you do?').getByText('Write what you did.').waitFor();
        await expectNoAxeViolations(page);

        await concern
          .getByLabel('What did you do?')
          .fill('Spoke with Jayden and his grandmother today; the volunteer is stood down.');
        await concern
          .locator('label.checkbox', { hasText: 'Close the concern: nothing more is to be done' })
          .click();
        await concern.getByRole('button', { name: 'Add to the record' }).click();
        await concern.getByText('Closed', { exact: true }).waitFor();
        await concern
          .getByText('Spoke with Jayden and his grandmother today; the volunteer is stood down.')
          .waitFor();
        await concern.getByText('Closed the concern.').waitFor();
        await concern.getByText('This concern is closed.', { exact: false }).waitFor();
        await captureEverywhere(page, 'youth-concerns-closed');
        const [raised] = (await samSession.call<{ concerns: { id: string }[] }>(concernsPath))
          .concerns;
        expect(
          withoutExpectedResponses(samPage.errors, [
            { status: 400, path: `/api/concerns/${raised?.id}/actions` },
          ]),
        ).toEqual([]);
      } finally {
        await samPage.close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should tell a coordinator who opens the page that concerns go only to the lead',
    async () => {
      const { session } = await signInAndSetUpSecondFactor(harness.url, {
        email: coordinator.email,
        password: demo.password,
      });
      const amara = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      try {
        await session.shareWith(amara.page.context());
        await amara.page.goto(`${harness.url}${concernsPage}`);
        await amara.page
          .getByRole('heading', { level: 1, name: 'Concerns go only to the safeguarding lead' })
          .waitFor();
        await amara.page
          .getByText('only the program’s safeguarding lead can read its concerns', { exact: false })
          .waitFor();
        await expect(
          amara.page.getByText('library meeting', { exact: false }).count(),
        ).resolves.toBe(0);
        await captureEverywhere(amara.page, 'youth-concerns-refused');
        expect(
          withoutExpectedResponses(amara.errors, [{ status: 403, path: `/api${concernsPage}` }]),
        ).toEqual([]);
      } finally {
        await amara.close();
      }
    },
    STEP_TIMEOUT,
  );
});
