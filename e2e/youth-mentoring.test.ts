import { describe, expect, it } from 'vitest';
import { signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { demoLinkToken, setUpDemo, signInDemoCoordinator } from './support/demo.ts';
import { latestEmail } from './support/outbox.ts';

// A mentoring pair as the demo's youth program has it. Maya, on her phone, finds her mentor on
// her page, reads what he wrote, and answers; the page says first who else reads every word.
// Her mother, whom the program lets read along, reads it too on her consent page. Officer Hill,
// at his desk, reads her answer and logs their meeting, held to the program's rule
// of two adults present. Keisha, the coordinator, opens the pair from the program's page and
// reads every message of it.

const STEP_TIMEOUT = 240_000;
const mayaAnswer = 'Thursday after school works for me. Zoe says thank you!';

const { harness, demo } = setUpDemo();
const mayaToken = () => demoLinkToken(demo, 'page of Maya', '/youth/join');

describe('a mentoring pair', () => {
  it(
    'should let a young person and her mentor write in the open, and their coordinator read it all',
    async () => {
      const maya = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
      });
      const marcus = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      const keisha = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      const elena = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        // Maya comes in by her link and finds her mentor.
        await maya.page.goto(`${harness.url}/youth/join#${mayaToken()}`);
        await maya.page.getByRole('button', { name: 'Open my page' }).click();
        await maya.page.getByText('Your mentor is Officer Marcus Hill.').waitFor();
        await maya.page.getByRole('link', { name: 'Open your messages' }).click();
        await maya.page
          .getByRole('heading', { level: 1, name: 'Officer Marcus Hill and Maya' })
          .waitFor();
        await maya.page
          .getByText(
            'Nothing here is private to the two of you: Keisha Brown, Sam Whitfield read every message too, and so can Maya’s parent or guardian.',
            { exact: false },
          )
          .waitFor();
        await maya.page
          .getByText('You asked how someone becomes a dispatcher', { exact: false })
          .waitFor();
        const pairPath = new URL(maya.page.url()).pathname;

        // An empty message is refused beside the field; then she answers.
        await maya.page.getByRole('button', { name: 'Send' }).click();
        await maya.page.getByText('Write a message first.').first().waitFor();
        await maya.page.getByRole('textbox', { name: 'Your message' }).fill(mayaAnswer);
        await maya.page.getByRole('button', { name: 'Send' }).click();
        const mine = maya.page.locator('.mentoring-message--mine').filter({ hasText: mayaAnswer });
        await mine.locator('.mentoring-message__who', { hasText: /^You · / }).waitFor();
        await expect(
          maya.page.getByRole('textbox', { name: 'Your message' }).inputValue(),
        ).resolves.toBe('');
        await captureEverywhere(maya.page, 'youth-mentoring-young-person');

        // Her mother, whom the program lets read along, finds it on her consent page.
        const consented = await latestEmail(
          harness.url,
          'elena.torres@example.org',
          'youth-consent-answered',
        );
        const elenaToken = /\/consent#([\w-]{43})/.exec(consented.textBody)?.[1] ?? '';
        await elena.page.goto(`${harness.url}/consent#${elenaToken}`);
        const readAlong = elena.page.getByRole('region', {
          name: 'Maya and their mentor, Officer Marcus Hill',
        });
        await readAlong.getByText(mayaAnswer).waitFor();
        await expectNoAxeViolations(elena.page);

        // Her mentor reads it, and logs their meeting.
        const mentor = await signInAndSetUpSecondFactor(harness.url, {
          email: 'm.hill@riversidepd.example',
          password: demo.password,
        });
        await mentor.session.shareWith(marcus.page.context());
        await marcus.page.goto(`${harness.url}${pairPath}`);
        await marcus.page.getByText(mayaAnswer).waitFor();
        await marcus.page.getByRole('textbox', { name: 'Where' }).fill('Riverside library');
        await marcus.page.getByRole('button', { name: 'Log the meeting' }).click();
        await marcus.page
          .getByText('This program asks for two adults at every meeting', { exact: false })
          .first()
          .waitFor();
        await expect(
          marcus.page.getByRole('textbox', { name: 'Where' }).inputValue(),
        ).resolves.toBe('Riverside library');
        await marcus.page
          .getByRole('textbox', { name: 'Who else was there' })
          .fill('Sam Whitfield');
        await marcus.page.getByRole('button', { name: 'Log the meeting' }).click();
        await marcus.page
          .getByRole('region', { name: 'Meetings' })
          .getByText(
            /Riverside library\. Also present: Sam Whitfield\. Logged by Officer Marcus Hill\./,
          )
          .waitFor();
        await captureEverywhere(marcus.page, 'youth-mentoring-mentor');

        // The coordinator opens the pair from the program's page and reads every word.
        const programId = await signInDemoCoordinator(
          harness,
          demo,
          'keisha@peacecircle.example',
          keisha.page.context(),
        );
        await keisha.page.goto(`${harness.url}/programs/${programId}/youth`);
        const pairs = keisha.page.getByRole('region', { name: 'Mentoring pairs' });
        await pairs.getByRole('link', { name: 'Officer Marcus Hill mentors Maya' }).click();
        await keisha.page.getByText(mayaAnswer).waitFor();
        await keisha.page
          .getByText('You asked how someone becomes a dispatcher', { exact: false })
          .waitFor();
        await expectNoAxeViolations(keisha.page);
        expect(
          [...maya.errors, ...marcus.errors, ...keisha.errors].filter(
            (error) => !error.includes('400'),
          ),
        ).toEqual([]);
      } finally {
        await Promise.all([maya.close(), marcus.close(), keisha.close(), elena.close()]);
      }
    },
    STEP_TIMEOUT,
  );
});
