import type { Language, Translated } from '../../../shared/training/course.ts';

// A course's text in the page's language, or, when the course has none in it, in the other one,
// with that language named so that the element carrying it says `lang` to screen readers.

export interface InLanguage {
  text: string;
  /** Set when the text is not in the page's language. */
  lang: Language | undefined;
}

export function pickText(text: Translated, pageLanguage: string): InLanguage {
  const wanted = pageLanguage === 'es' ? 'es' : 'en';
  const own = text[wanted];
  if (own) return { text: own, lang: undefined };
  const other = wanted === 'es' ? 'en' : 'es';
  return { text: text[other] ?? '', lang: text[other] ? other : undefined };
}
