import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { type Language, pickLanguage, storageKey } from './languages.ts';
import { oneFullStop } from './punctuation.ts';

function readRemembered(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    // Storage can be blocked (private modes, strict settings); then nothing is remembered.
    return null;
  }
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
}

/**
 * Starts i18next in the language the visitor chose before, or the one their browser prefers.
 * Both catalogues are small and bundled, so no network request stands between a resident and
 * the first screen.
 */
export async function startI18n(): Promise<typeof i18next> {
  const language = pickLanguage(readRemembered(), navigator.languages ?? [navigator.language]);
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(initReactI18next)
    .use({ type: 'postProcessor', name: 'oneFullStop', process: oneFullStop })
    .init({
      resources: { en: { translation: en }, es: { translation: es } },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'es'],
      interpolation: { escapeValue: false },
      postProcess: ['oneFullStop'],
      returnNull: false,
    });
  applyToDocument(i18next.language);
  return i18next;
}

/** Switches language and remembers the choice on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch itself still works for this visit.
  }
  await i18next.changeLanguage(language);
}
