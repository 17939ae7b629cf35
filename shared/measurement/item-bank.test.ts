import { describe, expect, it } from 'vitest';
import { constructs, itemBank, itemsFor, scaleKinds, scales, surveyKinds } from './item-bank.ts';
import { trustIndexConstructs } from './scoring.ts';

describe('the item bank', () => {
  it('gives every construct two to four items, each with a stable id named after its construct', () => {
    for (const construct of constructs) {
      const items = itemBank.filter((item) => item.construct === construct);
      expect(items.length, construct).toBeGreaterThanOrEqual(2);
      expect(items.length, construct).toBeLessThanOrEqual(4);
    }
    expect(new Set(itemBank.map((item) => item.id)).size).toBe(itemBank.length);
    for (const item of itemBank) {
      expect(item.id).toMatch(new RegExp(`^${item.construct}\\.[a-z_]+$`));
      expect(item.fits.length, item.id).toBeGreaterThan(0);
    }
  });

  it('asks one thing per item, in English and in Spanish addressed as usted', () => {
    for (const item of itemBank) {
      expect(item.en.trim(), item.id).not.toBe('');
      expect(item.es.trim(), item.id).not.toBe('');
      // Two ideas joined by "and" / "or" make an item no one can answer honestly.
      expect(item.en, item.id).not.toMatch(/\b(and|or)\b/i);
      expect(item.es, item.id).not.toMatch(/\s(y|e|o|u)\s/i);
      expect(item.es, item.id).not.toMatch(/\b(tú|tu|te|tienes|puedes|quieres|eres)\b/i);
      // A Spanish question opens with ¿ where it begins.
      expect(item.es.match(/¿/g)?.length ?? 0, item.id).toBe(item.es.match(/\?/g)?.length ?? 0);
      // Short enough to read on a phone without scrolling.
      expect(item.en.length, item.id).toBeLessThanOrEqual(100);
      expect(item.es.length, item.id).toBeLessThanOrEqual(100);
    }
  });

  it('labels all five points of every scale, lowest first, in both languages', () => {
    for (const kind of scaleKinds) {
      expect(scales[kind].map((point) => point.value)).toEqual([1, 2, 3, 4, 5]);
      for (const point of scales[kind]) {
        expect(point.en.trim()).not.toBe('');
        expect(point.es.trim()).not.toBe('');
      }
      expect(new Set(scales[kind].map((point) => point.es)).size).toBe(5);
    }
  });

  it('lets every kind of survey measure the trust index, and words some items the other way round', () => {
    for (const kind of surveyKinds) {
      const covered = new Set(itemsFor(kind).map((item) => item.construct));
      for (const construct of trustIndexConstructs) expect(covered.has(construct), kind).toBe(true);
    }
    const reversed = itemBank.filter((item) => item.reverse);
    expect(new Set(reversed.map((item) => item.construct)).size).toBeGreaterThanOrEqual(3);
    // Flipping an answer only makes sense on an agree-disagree item.
    for (const item of reversed) expect(item.scale, item.id).toBe('agreement');
  });

  it('writes items about the process only for after a process, and items for officers only for training', () => {
    for (const item of itemBank) {
      if (/this meeting/i.test(item.en)) expect(item.fits, item.id).toEqual(['after_process']);
      if (item.fits.includes('training')) expect(item.fits, item.id).toEqual(['training']);
    }
    expect(itemsFor('after_process').every((item) => item.construct !== 'reporting')).toBe(true);
    expect(itemsFor('pulse').some((item) => item.construct === 'heard')).toBe(false);
  });
});
