import { describe, expect, it } from 'vitest';
import {
  defaultCommunityRules,
  defaultMisconductRules,
} from '../../../shared/conferences/names.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { translatedHarms } from './labels.ts';
import { ruleIdFor } from './rule-ids.ts';

describe('the harm categories a program starts with', () => {
  it('should each have a name in English and in Spanish, beside “other”', () => {
    const ids = [...defaultMisconductRules, ...defaultCommunityRules].map((rule) => rule.id);
    expect([...translatedHarms].sort()).toEqual([...ids, 'other'].sort());
    for (const id of translatedHarms) {
      expect(en.conferences.harms).toHaveProperty(id);
      expect(es.conferences.harms).toHaveProperty(id);
    }
  });

  it('should be named in English as the shared rules name them', () => {
    for (const rule of [...defaultMisconductRules, ...defaultCommunityRules]) {
      expect(en.conferences.harms[rule.id as keyof typeof en.conferences.harms]).toBe(rule.label);
    }
  });
});

describe('ruleIdFor', () => {
  it('should make an id the API takes from the name a coordinator typed', () => {
    expect(ruleIdFor('Noise at night', new Set())).toBe('noise_at_night');
    expect(ruleIdFor('Daños a la propiedad', new Set())).toBe('danos_a_la_propiedad');
    expect(ruleIdFor('¡!', new Set())).toBe('category');
    expect(ruleIdFor('X', new Set())).toBe('x_category');
    expect(ruleIdFor('A'.repeat(80), new Set())).toMatch(/^[a-z0-9_]{2,40}$/);
  });

  it('should never repeat an id the program has', () => {
    const taken = new Set(['theft', 'theft_2']);
    expect(ruleIdFor('Theft', taken)).toBe('theft_3');
  });
});
