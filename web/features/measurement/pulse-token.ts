import type { AnswerToken } from '../../../shared/measurement/contract.ts';

// A pulse's public link starts a fresh one-use token on each visit. The token is kept for the
// tab's session under the pulse's slug, so that a reload (a phone that dropped the page, say)
// answers on the same token rather than starting another, and a second answer is refused
// instead of counted twice.

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const storageKey = (slug: string) => `restorativ.pulse.${slug}`;

/** The token kept for this pulse, unless it has expired or cannot be read. */
export function rememberedToken(store: Store, slug: string, now: Date): string | null {
  let kept: unknown;
  try {
    kept = JSON.parse(store.getItem(storageKey(slug)) ?? 'null');
  } catch {
    return null;
  }
  if (typeof kept !== 'object' || kept === null) return null;
  const { token, expiresAt } = kept as Record<string, unknown>;
  if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'string') return null;
  const expires = Date.parse(expiresAt);
  return Number.isNaN(expires) || expires <= now.getTime() ? null : token;
}

/** Keeps the token; where storage refuses (full, blocked), a reload starts a fresh one. */
export function rememberToken(store: Store, slug: string, answer: AnswerToken): void {
  try {
    store.setItem(
      storageKey(slug),
      JSON.stringify({ token: answer.token, expiresAt: answer.expiresAt }),
    );
  } catch {
    // Nothing kept: the answer itself does not depend on it.
  }
}

/**
 * The tab's session storage, or a store that keeps nothing where storage is blocked (strict
 * privacy settings): the pulse still works, a reload just starts a fresh token.
 */
export function sessionStore(): Store {
  try {
    const store = window.sessionStorage;
    store.getItem(storageKey(''));
    return store;
  } catch {
    return { getItem: () => null, setItem: () => undefined };
  }
}
