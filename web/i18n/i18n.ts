import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from './en.ts';
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

// Each language's catalogue is its own small file, fetched only when that language is used: a
// resident on a phone downloads the words of their language, not of every language offered.
// Every catalogue has every key (the `Catalogue` type), so none needs another to fall back on.
const catalogues: Record<Language, () => Promise<Catalogue>> = {
  en: async () => (await import('./en.ts')).en,
  es: async () => (await import('./es.ts')).es,
};

async function fetchCatalogue(language: Language): Promise<Catalogue> {
  try {
    return await catalogues[language]();
  } catch {
    // One more try: a phone's connection often comes back within a moment.
    return catalogues[language]();
  }
}

/** Makes sure the language's words are here, fetching them the first time. */
async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await fetchCatalogue(language));
}

// What each message on screen was translated from, so that a message shown before the reader
// switched language can be shown again in the new one (see `inCurrentLanguage`). Bounded: only
// the latest messages matter.
const origins = new Map<string, { key: string; options: Record<string, unknown> }>();
const ORIGINS_KEPT = 300;

function remember(value: string, key: string | string[], options: Record<string, unknown>) {
  const first = Array.isArray(key) ? key[0] : key;
  if (first === undefined) return value;
  origins.delete(value);
  origins.set(value, { key: first, options: { ...options, lng: undefined } });
  if (origins.size > ORIGINS_KEPT) origins.delete(origins.keys().next().value ?? '');
  return value;
}

/**
 * A message made earlier with `t`, in the language shown now; any other text (a server's own
 * words) as it is. For messages kept in state, e.g. a form's errors, across a change of language.
 */
export function inCurrentLanguage(text: string): string {
  const origin = origins.get(text);
  if (!origin) return text;
  const translate = i18next.t as unknown as (key: string, options: object) => string;
  return translate(origin.key, origin.options);
}

/**
 * Starts i18next in the language the visitor chose before, or the one their browser prefers,
 * with only that language's catalogue. Rejects when it cannot be fetched (no connection).
 */
export async function startI18n(): Promise<typeof i18next> {
  const language = pickLanguage(readRemembered(), navigator.languages ?? [navigator.language]);
  const catalogue = await fetchCatalogue(language);
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(initReactI18next)
    .use({ type: 'postProcessor', name: 'oneFullStop', process: oneFullStop })
    .use({ type: 'postProcessor', name: 'remember', process: remember })
    .init({
      resources: { [language]: { translation: catalogue } },
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'es'],
      interpolation: { escapeValue: false },
      postProcess: ['oneFullStop', 'remember'],
      returnNull: false,
    });
  applyToDocument(i18next.language);
  return i18next;
}

/**
 * Switches language (fetching its words the first time) and remembers the choice on this
 * device. Answers false, with the page unchanged, when the words could not be fetched.
 */
export async function chooseLanguage(language: Language): Promise<boolean> {
  try {
    await loadLanguage(language);
  } catch {
    return false;
  }
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch itself still works for this visit.
  }
  await i18next.changeLanguage(language);
  return true;
}
