import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, launchBrowser, openPage } from './support/browser.ts';

// The accessibility check every browser test leans on must be able to fail: on a page with an
// image without a text alternative, text too faint to read and a field without a label, it
// names each of them; on a plain accessible page it passes.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Check</title></head><body><main>${body}</main></body></html>`;

describe('the accessibility check', () => {
  it('names what is wrong on a page with faults, and passes a plain page', async () => {
    const { page: tab, close } = await openPage(browser, { viewport: desktop });
    try {
      await tab.setContent(
        page(
          '<h1>Circle</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ddd;background:#fff">Faint words</p><input type="text">',
        ),
      );
      // The assertion's message is shortened; the report it compared is whole.
      const failed = await expectNoAxeViolations(tab).then(
        () => '',
        (error: { actual?: unknown }) => String(error.actual),
      );
      expect(failed).toContain('image-alt');
      expect(failed).toContain('color-contrast');
      expect(failed).toContain('label');

      await tab.setContent(page('<h1>Circle</h1><p>Everyone is heard.</p>'));
      await expectNoAxeViolations(tab);
    } finally {
      await close();
    }
  });
});
