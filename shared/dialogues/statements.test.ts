import { describe, expect, it } from 'vitest';
import { checkStatement, normalisedStatement, STATEMENT_MAX } from './statements.ts';

describe('a new statement', () => {
  it('is refused empty, over 280 characters, or the same words as one already there', () => {
    expect(checkStatement('   ', [])).toEqual({ ok: false, problem: 'empty' });
    expect(checkStatement('?!', [])).toEqual({ ok: false, problem: 'empty' });
    expect(checkStatement('a'.repeat(STATEMENT_MAX + 1), [])).toEqual({
      ok: false,
      problem: 'too_long',
    });
    expect(checkStatement('a'.repeat(STATEMENT_MAX), [])).toEqual({ ok: true, crisis: false });
    expect(
      checkStatement('Officers should explain WHY they stop someone!', [
        'officers should explain why they stop someone',
      ]),
    ).toEqual({ ok: false, problem: 'duplicate' });
    expect(normalisedStatement('Policía: ¿Por qué?')).toBe('policia por que');
  });

  it('goes to the facilitator rather than the dialogue when its words sound like a crisis', () => {
    for (const words of [
      'Sometimes I think about killing myself after what happened.',
      'I am not safe at home and nobody listens.',
      'A veces quiero morirme.',
      'Pienso en hacerme daño.',
    ]) {
      expect(checkStatement(words, []), words).toEqual({ ok: true, crisis: true });
    }
    for (const words of [
      'Traffic stops in my street feel like they could kill the trust we had.',
      'La policía debería explicar por qué nos detiene.',
    ]) {
      expect(checkStatement(words, []), words).toEqual({ ok: true, crisis: false });
    }
  });
});
