import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../shared/profile/contract.ts';
import { signInAndSetUpSecondFactor } from './support/api-session.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// A mentoring pair as the demo's youth program has it. Maya, on her phone, finds her mentor on
// her page, reads what he wrote, and answers; the page says first who else reads every word.
// Officer Hill, at his desk, reads her answer and logs their meeting, held to the program's rule
// of two adults present. Keisha, the coordinator, opens the pair from the program's page and
// reads every message of it.

const demo = { password: '', mayaToken: '' };
const STEP_TIMEOUT = 240_000;
const mayaAnswer = 'Thursday after school works for me. Zoe says thank you!';

const harness = setUpServerAndBrowser(async (env) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  demo.password = /Password for every demo account: (\S+)/.exec(stdout)?.[1] ?? '';
  demo.mayaToken = /page of Maya[^\n]*\n\s+\S+\/youth\/join#([\w-]{43})/.exec(stdout)?.[1] ?? '';
});

describe('a mentoring pair', () => {
  it(
    'should let a young person and her mentor write in the open, and their coordinator read it all',
    async () => {
      expect(demo.mayaToken).not.toBe('');
      const maya = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
      });
      const marcus = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      const keisha = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      try {
        // Maya comes in by her link and finds her mentor.
        await maya.page.goto(`${harness.url}/youth/join#${demo.mayaToken}`);
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
        const coordinator = await signInAndSetUpSecondFactor(harness.url, {
          email: 'keisha@peacecircle.example',
          password: demo.password,
        });
        const me = await coordinator.session.call<ProfileResponse>('/api/me');
        const programId = me.roles.find((role) => role.role === 'coordinator')?.programId;
        await coordinator.session.shareWith(keisha.page.context());
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
        await Promise.all([maya.close(), marcus.close(), keisha.close()]);
      }
    },
    STEP_TIMEOUT,
  );
});
