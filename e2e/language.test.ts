import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { openPage, phone } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

const harness = setUpServerAndBrowser();

describe('choosing a language', () => {
  it('should switch to Spanish when Español is chosen and remember it after a reload', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'en-US',
    });
    try {
      await page.goto(`${harness.url}/privacy`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      expect(await heading.textContent()).toBe('Your privacy');

      await page.getByRole('button', { name: /Language/ }).click();
      const options = page.getByRole('listbox').getByRole('option');
      expect(await options.allTextContents()).toEqual(['English', 'Español']);
      await screenshot(page, 'language-menu-open');
      await expectNoAxeViolations(page);
      await page.getByRole('option', { name: 'Español' }).click();

      await page.getByRole('heading', { level: 1, name: 'Su privacidad' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(await page.title()).toBe('Privacidad · Restorativ');
      expect(await page.getByRole('navigation').textContent()).toContain('Inicio');
      // Screen-reader users hear that the page changed language.
      await page.getByText('La página ahora está en español.').waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'language-switched-to-spanish');

      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Su privacidad');
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should let someone whose browser prefers Spanish switch to English and keep it', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-US',
    });
    try {
      await page.goto(`${harness.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('es');

      await page.getByRole('button', { name: /Idioma/ }).click();
      await page.getByRole('option', { name: 'English' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'A safe place to talk, listen and repair harm' })
        .waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.title()).toBe('Home · Restorativ');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('should fetch only the words of the language in use, and say so calmly when switching needs a connection that is gone', async () => {
    const { page, errors, close } = await openPage(harness.browser, {
      viewport: phone,
      locale: 'es-MX',
    });
    const catalogues: string[] = [];
    page.on('request', (request) => {
      const name = /\/assets\/(en|es)-[\w-]+\.js$/.exec(request.url())?.[1];
      if (name) catalogues.push(name);
    });
    try {
      await page.goto(`${harness.url}/`);
      await page.getByRole('heading', { level: 1, name: /Un lugar seguro/ }).waitFor();
      expect(catalogues).toEqual(['es']);

      // The connection drops before English is ever needed: the page stays as it is, and says why.
      await page.route(/\/assets\/en-[\w-]+\.js$/, (route) => route.abort());
      await page.getByRole('button', { name: /Idioma/ }).click();
      await page.getByRole('option', { name: 'English' }).click();
      await page.getByText('No pudimos cambiar el idioma. Revise su conexión').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      await page.getByRole('heading', { level: 1, name: /Un lugar seguro/ }).waitFor();
      await expectNoAxeViolations(page);

      // Back online, the same choice works.
      await page.unroute(/\/assets\/en-[\w-]+\.js$/);
      await page.getByRole('button', { name: /Idioma/ }).click();
      await page.getByRole('option', { name: 'English' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'A safe place to talk, listen and repair harm' })
        .waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      // The aborted requests are logged by the browser; nothing was left uncaught.
      expect(errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    } finally {
      await close();
    }
  });
});
