import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe.ts';
import { desktop, phone } from './browser.ts';
import { screenshot } from './screenshot.ts';

type Language = 'en' | 'es';

const switcherName: Record<Language, RegExp> = { en: /Language/, es: /Idioma/ };
const optionName: Record<Language, string> = { en: 'English', es: 'Español' };

/**
 * The page's language once the app has chosen it: index.html says "en" until the app starts and
 * sets the reader's own, so the switcher is waited for first.
 */
async function currentLanguage(page: Page): Promise<Language> {
  await page
    .getByRole('button', { name: /Language|Idioma/ })
    .first()
    .waitFor();
  return (await page.getAttribute('html', 'lang')) === 'es' ? 'es' : 'en';
}

/** Chooses a language with the header's switcher, as a person would. */
export async function switchLanguage(page: Page, to: Language): Promise<void> {
  const from = await currentLanguage(page);
  if (from === to) return;
  await page.getByRole('button', { name: switcherName[from] }).click();
  await page.getByRole('option', { name: optionName[to] }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

/** Closes the toasts (e.g. "This page is now in English") so they do not cover the page. */
async function dismissToasts(page: Page): Promise<void> {
  for (const name of ['Dismiss', 'Cerrar']) {
    const buttons = page.getByRole('region').getByRole('button', { name, exact: true });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }
}

/**
 * Looks at the page as it is now in both languages and at both sizes: an axe check each time
 * and a full-page screenshot `<name>-<en|es>-<phone|desktop>.png`. The page's state (what was
 * typed, which step) stays; the language and size are put back as they were.
 */
export async function captureEverywhere(page: Page, name: string): Promise<void> {
  const startLanguage = await currentLanguage(page);
  const startSize = page.viewportSize() ?? phone;
  const languages: Language[] = startLanguage === 'en' ? ['en', 'es'] : ['es', 'en'];
  for (const language of languages) {
    await switchLanguage(page, language);
    await dismissToasts(page);
    for (const [label, size] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const) {
      await page.setViewportSize(size);
      await expectNoAxeViolations(page);
      await screenshot(page, `${name}-${language}-${label}`);
    }
  }
  await switchLanguage(page, startLanguage);
  await dismissToasts(page);
  await page.setViewportSize(startSize);
}
