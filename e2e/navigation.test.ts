import { describe, expect, it } from 'vitest';
import { desktop, openPage, phone } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

const harness = setUpServerAndBrowser();

describe('moving around with a keyboard or a finger', () => {
  it('should offer "Skip to main content" as the first Tab stop and move focus to the main content', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: desktop,
      locale: 'en-US',
    });
    try {
      await page.goto(`${harness.url}/privacy`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        tag: document.activeElement?.tagName,
      }));
      expect(focused).toEqual({ text: 'Skip to main content', tag: 'A' });
      const skipLink = page.getByRole('link', { name: 'Skip to main content' });
      const box = await skipLink.boundingBox();
      expect(box?.y).toBeGreaterThanOrEqual(0);
      await screenshot(page, 'skip-link-focused');

      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab goes on from the main content, past the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('header'))).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should show a friendly not-found page with a link home that works', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      const response = await page.goto(`${harness.url}/an/old/link`);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: 'We can’t find that page' }).waitFor();
      expect(await page.getByText('You have done nothing wrong.').isVisible()).toBe(true);

      await page.getByRole('link', { name: 'Go to the home page' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'A safe place to talk, listen and repair harm' })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.title()).toBe('Home · Restorativ');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should move focus to the new page heading and update the tab title after following a link', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(`${harness.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your privacy' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your privacy');
      expect(await page.title()).toBe('Privacy · Restorativ');
      const current = page.getByRole('navigation').getByRole('link', { name: 'Privacy' });
      expect(await current.getAttribute('aria-current')).toBe('page');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should give every header, navigation and footer control a tap target of at least 44px', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: { width: 320, height: 640 },
      locale: 'es-MX',
      hasTouch: true,
      isMobile: true,
    });
    try {
      await page.goto(`${harness.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('header a, header button, footer a')]
          .map((element) => {
            const box = element.getBoundingClientRect();
            return { name: element.textContent?.trim(), width: box.width, height: box.height };
          })
          .filter((box) => box.width < 44 || box.height < 44),
      );
      expect(small).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
