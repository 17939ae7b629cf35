// Shared between the header and the pages that sign in and out, without pulling in their code.

/** TanStack Query key of GET /api/me (the person signed in); its data is a ProfileResponse. */
export const meQueryKey = ['me'] as const;

/** Router state for /sign-in: an email address to fill in, e.g. right after setup. */
export interface SignInState {
  email?: string;
  /** Where to go once signed in, e.g. back to an invitation; a path on this site. */
  returnTo?: string;
}

/** A `returnTo` that stays on this site ("/join#…"), or /me for anything else. */
export function afterSignIn(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'returnTo' in state) {
    const to = state.returnTo;
    if (typeof to === 'string' && to.startsWith('/') && !to.startsWith('//')) return to;
  }
  return '/me';
}
