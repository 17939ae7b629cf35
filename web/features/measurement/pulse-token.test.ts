import { describe, expect, it } from 'vitest';
import { rememberedToken, rememberToken } from './pulse-token.ts';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const now = new Date('2026-08-01T12:00:00Z');
const answer = {
  token: 'tok-123',
  url: '/answer/tok-123',
  expiresAt: '2026-08-31T12:00:00Z',
};

describe('a pulse’s token for the visit', () => {
  it('is kept under the pulse’s slug, so a reload answers on the same token', () => {
    const store = memoryStore();
    rememberToken(store, 'elm-street', answer);
    expect(rememberedToken(store, 'elm-street', now)).toBe('tok-123');
    expect(rememberedToken(store, 'oak-street', now)).toBeNull();
  });

  it('is not used once it has expired', () => {
    const store = memoryStore();
    rememberToken(store, 'elm-street', answer);
    expect(rememberedToken(store, 'elm-street', new Date('2026-08-31T12:00:00Z'))).toBeNull();
  });

  it('is ignored when what was kept cannot be read', () => {
    const store = memoryStore();
    store.setItem('restorativ.pulse.elm-street', 'not json');
    expect(rememberedToken(store, 'elm-street', now)).toBeNull();
    store.setItem('restorativ.pulse.elm-street', JSON.stringify({ token: 7 }));
    expect(rememberedToken(store, 'elm-street', now)).toBeNull();
  });

  it('does not stop the pulse when storage refuses', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberToken(refusing, 'elm-street', answer)).not.toThrow();
  });
});
