import { describe, expect, it } from 'vitest';
import { QUESTION_MAX, stages } from './machine.ts';
import { promptLibrary, promptsFor } from './prompts.ts';

describe('the prompt library', () => {
  it('offers a keeper at least two questions at every stage, in English and Spanish', () => {
    for (const stage of stages) {
      expect(promptsFor(stage).length, stage).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(promptLibrary.map((prompt) => prompt.id)).size).toBe(promptLibrary.length);
  });

  it('fits every question in the room, and opens every Spanish question with ¿', () => {
    for (const prompt of promptLibrary) {
      for (const text of [prompt.en, prompt.es]) {
        expect(text.trim().length, prompt.id).toBeGreaterThan(0);
        expect(text.length, prompt.id).toBeLessThanOrEqual(QUESTION_MAX);
      }
      // Every question opens with ¿, where the question begins.
      const opened = prompt.es.match(/¿/g)?.length ?? 0;
      expect(opened, prompt.id).toBe(prompt.es.match(/\?/g)?.length ?? 0);
      // Addressed as "usted", as everything Restorativ says in Spanish.
      expect(prompt.es, prompt.id).not.toMatch(/\b(tú|tu|te|tienes|puedes|quieres)\b/i);
    }
  });
});
