import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { demoLinkToken, setUpDemo, signInDemoCoordinator } from './support/demo.ts';

// Events of the demo's youth program. Keisha, the coordinator, plans a movie night from the
// program's page (a title too short first: the message is beside the field and nothing typed is
// lost), then records who came: Jayden is listed apart, since his grandmother has not answered
// yet. Maya, on her phone, finds the upcoming events on her own page.

const STEP_TIMEOUT = 240_000;

const { harness, demo } = setUpDemo();
const mayaToken = () => demoLinkToken(demo, 'page of Maya', '/youth/join');

describe('youth program events', () => {
  it(
    'should let a coordinator plan an event and record who came, and a young person see it coming',
    async () => {
      const keisha = await openPage(harness.browser, { viewport: desktop, locale: 'en-US' });
      const maya = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        hasTouch: true,
        isMobile: true,
      });
      try {
        const programId = await signInDemoCoordinator(
          harness,
          demo,
          'keisha@peacecircle.example',
          keisha.page.context(),
        );
        await keisha.page.goto(`${harness.url}/programs/${programId}/youth`);
        const events = keisha.page.getByRole('region', { name: 'Events' });
        await events.getByRole('link', { name: 'Visit to the fire station' }).waitFor();
        await events.getByText('1 came').waitFor();
        await events.getByRole('link', { name: 'Basketball afternoon' }).waitFor();

        // A title too short is refused beside its field; the place typed stays.
        await events.getByRole('textbox', { name: 'Title' }).fill('M');
        await events.getByRole('textbox', { name: 'Where' }).fill('Riverside library hall');
        await events.getByRole('button', { name: 'Plan the event' }).click();
        await events
          .locator('.field__error', {
            hasText: 'Give the event a title of at least 2 characters.',
          })
          .waitFor();
        await expect(events.getByRole('textbox', { name: 'Where' }).inputValue()).resolves.toBe(
          'Riverside library hall',
        );
        await expectNoAxeViolations(keisha.page);
        await captureEverywhere(keisha.page, 'youth-events-plan-refused');

        await events.getByRole('textbox', { name: 'Title' }).fill('Movie night');
        await events.getByRole('button', { name: 'Plan the event' }).click();
        await events.getByText('“Movie night” is planned.', { exact: false }).waitFor();
        await expectNoAxeViolations(keisha.page);
        await captureEverywhere(keisha.page, 'youth-events-planned');

        // Who came: Maya and Andre may take part; Jayden waits for his grandmother's answer.
        await events.getByRole('link', { name: 'Movie night' }).click();
        await keisha.page.getByRole('heading', { level: 1, name: 'Movie night' }).waitFor();
        const notYet = keisha.page.getByRole('region', { name: 'Cannot take part yet' });
        await notYet.getByText('Jayden: waiting for their guardian’s answer.').waitFor();
        expect(await keisha.page.getByRole('checkbox', { name: /Jayden/ }).count()).toBe(0);
        await keisha.page.getByRole('checkbox', { name: 'Maya (not recorded yet)' }).waitFor();
        await keisha.page.getByRole('checkbox', { name: 'Andre (not recorded yet)' }).waitFor();
        await expectNoAxeViolations(keisha.page);
        await captureEverywhere(keisha.page, 'youth-events-attendance');

        await keisha.page.locator('label.checkbox', { hasText: 'Maya (not recorded yet)' }).click();
        await keisha.page.getByRole('button', { name: 'Save who came' }).click();
        await keisha.page.getByText('Saved: 1 came.').waitFor();
        await keisha.page.getByRole('checkbox', { name: 'Maya (came)' }).waitFor();
        await keisha.page.getByRole('checkbox', { name: 'Andre (did not come)' }).waitFor();
        expect(await keisha.page.getByRole('checkbox', { name: 'Maya (came)' }).isChecked()).toBe(
          true,
        );
        await expectNoAxeViolations(keisha.page);
        await captureEverywhere(keisha.page, 'youth-events-attendance-saved');

        // Maya, on her phone, sees what is coming, and not the visit that is over.
        await maya.page.goto(`${harness.url}/youth/join#${mayaToken()}`);
        await maya.page.getByRole('button', { name: 'Open my page' }).click();
        const upcoming = maya.page.getByRole('region', { name: 'Upcoming events' });
        await upcoming.getByText('Basketball afternoon').waitFor();
        await upcoming.getByText('Movie night').waitFor();
        await upcoming.getByText('Riverside library hall', { exact: false }).waitFor();
        expect(await upcoming.getByText('Visit to the fire station').count()).toBe(0);
        await expectNoAxeViolations(maya.page);
        await captureEverywhere(maya.page, 'youth-events-young-person');

        expect(
          [...keisha.errors, ...maya.errors].filter((error) => !error.includes('400')),
        ).toEqual([]);
      } finally {
        await Promise.all([keisha.close(), maya.close()]);
      }
    },
    STEP_TIMEOUT,
  );
});
