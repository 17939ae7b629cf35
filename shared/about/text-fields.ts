import { z } from 'zod';
import { supportedLanguages } from './contract.ts';

// The text fields every feature's forms share, with the same plain messages everywhere: words
// up to a length (trimmed), words that must be written, a language, and a text written in
// several languages (each feature checks that its own languages are all there).

export const wordsUpTo = (max: number, what: string) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .max(max, `Keep ${what} under ${max.toLocaleString('en')} characters.`);

export const writtenWords = (max: number, what: string) =>
  wordsUpTo(max, what).min(1, `Write ${what}.`);

export const languageField = z.enum(supportedLanguages, { error: 'Choose a language.' });

export const translatedWords = (max: number, what: string) =>
  z
    .partialRecord(languageField, writtenWords(max, what))
    .refine((text) => Object.keys(text).length > 0, {
      message: `Write ${what} in at least one language.`,
    });
