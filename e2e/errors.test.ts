import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

const harness = setUpServerAndBrowser();

describe('when a page cannot load', () => {
  it('should show a friendly message, not a blank page, when the connection drops before a page loads', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(`${harness.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();

      // The phone loses its connection: every script request from now on fails.
      let connected = false;
      await page.route('**/assets/*.js', (route) => (connected ? route.continue() : route.abort()));
      await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();

      await page
        .getByRole('heading', { level: 1, name: 'Something went wrong on our side' })
        .waitFor();
      expect(await page.getByText('Nothing you entered was lost.').isVisible()).toBe(true);
      // The layout stays, so there is still a way around.
      expect(await page.getByRole('navigation').isVisible()).toBe(true);
      expect(await page.title()).toBe('Something went wrong · Restorativ');
      await expectNoAxeViolations(page);
      await screenshot(page, 'error-chunk-failed-en-phone');

      // Back online: "Try again" loads the page that failed.
      connected = true;
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your privacy' }).waitFor();
      // The failed requests are logged by the browser, but nothing was left uncaught.
      expect(errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should show the message in Spanish when the page that fails is opened directly', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    try {
      await page.route(/\/assets\/PrivacyPage-[^/]*\.js$/, (route) => route.abort());
      await page.goto(`${harness.url}/privacy`);
      await page
        .getByRole('heading', { level: 1, name: 'Algo salió mal por nuestra parte' })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Intentar de nuevo' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Ir a la página de inicio' }).isVisible()).toBe(
        true,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, 'error-chunk-failed-es-phone');
      expect(errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    } finally {
      await close();
    }
  });
});
