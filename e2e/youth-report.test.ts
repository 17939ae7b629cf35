import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpDemo, signInDemoCoordinator } from './support/demo.ts';

// The demo's youth program in counts. Keisha, its coordinator, opens the report from the
// program's page on her phone. With three young people, every group is under the threshold:
// each says so in words, empty groups say 0, and no young person's or guardian's name is on it.

const STEP_TIMEOUT = 240_000;
const HIDDEN = 'Fewer than 10';

const { harness, demo } = setUpDemo();

describe('a youth program report', () => {
  it(
    'should show a coordinator counts only, with small groups hidden in words and no names',
    async () => {
      const keisha = await openPage(harness.browser, {
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
        await keisha.page.getByRole('link', { name: 'Report, in counts only' }).click();
        await keisha.page.getByRole('heading', { level: 1, name: /^Report: / }).waitFor();

        const ages = keisha.page.getByRole('table', { name: 'Young people by age' });
        await expect(ages.getByRole('row', { name: /14 to 15/ }).textContent()).resolves.toBe(
          `14 to 15${HIDDEN}`,
        );
        await expect(
          ages.getByRole('row', { name: /All young people/ }).textContent(),
        ).resolves.toContain(HIDDEN);
        await expect(ages.getByRole('row', { name: /12 to 13/ }).textContent()).resolves.toBe(
          '12 to 130',
        );
        const consent = keisha.page.getByRole('table', {
          name: 'Guardians’ consent, for young people under 18',
        });
        await expect(
          consent.getByRole('row', { name: /The guardian declined/ }).textContent(),
        ).resolves.toBe('The guardian declined0');
        await expect(
          keisha.page
            .getByRole('table', { name: 'Mentoring' })
            .getByRole('row', { name: /Pairs meeting now/ })
            .textContent(),
        ).resolves.toContain(HIDDEN);

        const words = (await keisha.page.locator('main').textContent()) ?? '';
        for (const name of ['Maya', 'Jayden', 'Andre', 'Elena Torres', 'Rosa Jiménez']) {
          expect(words).not.toContain(name);
        }
        await expectNoAxeViolations(keisha.page);
        await captureEverywhere(keisha.page, 'youth-report');
        expect(keisha.errors).toEqual([]);
      } finally {
        await keisha.close();
      }
    },
    STEP_TIMEOUT,
  );
});
