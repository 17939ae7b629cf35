// Shared between the header and the pages that sign in and out, without pulling in their code.

/** TanStack Query key of GET /api/me (the person signed in); its data is a ProfileResponse. */
export const meQueryKey = ['me'] as const;

/** Router state for /sign-in: an email address to fill in, e.g. right after setup. */
export interface SignInState {
  email?: string;
}
