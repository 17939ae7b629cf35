// The languages the interface is offered in, each named in its own language.
export const languages = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type Language = (typeof languages)[number]['code'];

export const defaultLanguage: Language = 'en';

/** Where an explicit choice from the language switcher is remembered. */
export const storageKey = 'restorativ.language';

export function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language.code === value);
}

/**
 * The language to start in: an explicit earlier choice wins; otherwise the first of the
 * browser's preferred languages that we offer (`es-MX` counts as `es`); otherwise English.
 */
export function pickLanguage(
  remembered: string | null | undefined,
  preferred: readonly string[],
): Language {
  if (isLanguage(remembered)) return remembered;
  for (const tag of preferred) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return defaultLanguage;
}
