import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/harness.ts';
import { screenshot } from './support/screenshot.ts';

const harness = setUpServerAndBrowser();

const pages = [
  {
    name: 'home',
    path: '/',
    en: { heading: 'A safe place to talk, listen and repair harm', title: 'Home · Restorativ' },
    es: {
      heading: 'Un lugar seguro para hablar, escuchar y reparar el daño',
      title: 'Inicio · Restorativ',
    },
  },
  {
    name: 'privacy',
    path: '/privacy',
    en: { heading: 'Your privacy', title: 'Privacy · Restorativ' },
    es: { heading: 'Su privacidad', title: 'Privacidad · Restorativ' },
  },
  {
    name: 'sign-in',
    path: '/sign-in',
    en: { heading: 'Sign in', title: 'Sign in · Restorativ' },
    es: { heading: 'Iniciar sesión', title: 'Iniciar sesión · Restorativ' },
  },
  {
    // A setup link without its token (say, cut short when copied): the same as an expired one.
    name: 'setup-without-token',
    path: '/setup',
    en: {
      heading: 'This setup link has expired or was already used',
      title: 'Setup link not valid · Restorativ',
    },
    es: {
      heading: 'Este enlace de configuración venció o ya se usó',
      title: 'Enlace de configuración no válido · Restorativ',
    },
  },
  {
    name: 'not-found',
    path: '/no-such-place/this-does-not-exist',
    en: { heading: 'We can’t find that page', title: 'Page not found · Restorativ' },
    es: { heading: 'No encontramos esa página', title: 'Página no encontrada · Restorativ' },
  },
] as const;

// A first visit: the browser's own language decides, with no choice remembered yet.
const languages = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'es', locale: 'es-MX' },
] as const;

const viewports = [
  { device: 'phone', viewport: phone },
  { device: 'desktop', viewport: desktop },
] as const;

describe('pages in each language and screen size', () => {
  for (const target of pages) {
    for (const { lang, locale } of languages) {
      for (const { device, viewport } of viewports) {
        it(`should show the ${target.name} page in ${lang} on a ${device}, accessibly and without errors`, async () => {
          const { page, errors, close } = await openPage(harness.browser, { viewport, locale });
          try {
            await page.goto(`${harness.url}${target.path}`);
            const heading = page.getByRole('heading', { level: 1 });
            await heading.waitFor();
            expect(await heading.textContent()).toBe(target[lang].heading);
            expect(await page.getAttribute('html', 'lang')).toBe(lang);
            expect(await page.title()).toBe(target[lang].title);
            for (const landmark of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
              expect(await page.getByRole(landmark).count(), landmark).toBe(1);
            }
            await expectNoAxeViolations(page);
            await screenshot(page, `${target.name}-${lang}-${device}`);
            expect(errors).toEqual([]);
          } finally {
            await close();
          }
        });
      }
    }
  }
});

describe('narrow phones', () => {
  for (const target of pages) {
    for (const { lang, locale } of languages) {
      it(`should fit the ${target.name} page in ${lang} into 320px without sideways scrolling`, async () => {
        const { page, errors, close } = await openPage(harness.browser, {
          viewport: { width: 320, height: 640 },
          locale,
        });
        try {
          await page.goto(`${harness.url}${target.path}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBe(0);
          // The header stays tidy: its links fit on one row under the name.
          const rows = await page.evaluate(
            () =>
              new Set(
                [...document.querySelectorAll('header nav a')].map(
                  (link) => link.getBoundingClientRect().top,
                ),
              ).size,
          );
          expect(rows).toBe(1);
          await screenshot(page, `${target.name}-${lang}-320`);
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});

describe('dark mode', () => {
  for (const target of pages) {
    it(`should show the ${target.name} page in dark colours that pass axe`, async () => {
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'en-US',
        colorScheme: 'dark',
      });
      try {
        await page.goto(`${harness.url}${target.path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
        expect(channels).toHaveLength(3);
        for (const channel of channels) expect(channel).toBeLessThan(64);
        await expectNoAxeViolations(page);
        await screenshot(page, `${target.name}-en-phone-dark`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
