import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages.ts';

describe('pickLanguage', () => {
  it('should start in Spanish when the browser prefers a Spanish variant', () => {
    expect(pickLanguage(null, ['es-MX', 'en-US'])).toBe('es');
    expect(pickLanguage(null, ['ES'])).toBe('es');
  });

  it('should start in English when the browser prefers English over Spanish', () => {
    expect(pickLanguage(null, ['en-US', 'es'])).toBe('en');
  });

  it('should take the first offered language when the first preference is not offered', () => {
    expect(pickLanguage(null, ['fr-FR', 'es-419', 'en'])).toBe('es');
  });

  it('should fall back to English when no preference is offered', () => {
    expect(pickLanguage(null, ['fr', 'de'])).toBe('en');
    expect(pickLanguage(undefined, [])).toBe('en');
  });

  it('should keep a remembered choice over the browser preference', () => {
    expect(pickLanguage('es', ['en-US'])).toBe('es');
    expect(pickLanguage('en', ['es-ES'])).toBe('en');
  });

  it('should ignore a remembered value that is not an offered language', () => {
    expect(pickLanguage('klingon', ['es-ES'])).toBe('es');
  });
});
