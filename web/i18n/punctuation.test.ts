import { describe, expect, it } from 'vitest';
import { oneFullStop } from './punctuation.ts';

describe('oneFullStop', () => {
  it('should end a sentence once when the name in it ends with a stop', () => {
    expect(oneFullStop('Welcome, Luz M..')).toBe('Welcome, Luz M.');
    expect(oneFullStop('Ha iniciado sesión como Luz M.. Bienvenida.')).toBe(
      'Ha iniciado sesión como Luz M. Bienvenida.',
    );
    expect(oneFullStop('Welcome, Jo!.')).toBe('Welcome, Jo!');
  });

  it('should leave every other sentence as it is', () => {
    expect(oneFullStop('Welcome, Luz.')).toBe('Welcome, Luz.');
    expect(oneFullStop('Loading…')).toBe('Loading…');
    expect(oneFullStop('name@example.org.')).toBe('name@example.org.');
    expect(oneFullStop('Version 1.2.3 is here.')).toBe('Version 1.2.3 is here.');
  });
});
