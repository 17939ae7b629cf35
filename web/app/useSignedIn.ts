import { useQuery } from '@tanstack/react-query';
import type { ProfileResponse } from '../../shared/profile/contract.ts';
import { fetchProfile } from '../features/profile/api.ts';
import { retryUnlessRefused } from './LoadProblem.tsx';
import { meQueryKey } from './session.ts';

/**
 * The person signed in. Pages that may be opened straight from a link ask, so that the header
 * offers their account even then.
 */
export function useSignedIn() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    retry: retryUnlessRefused,
  });
}

/**
 * What the account pages already fetched about the person signed in, without asking the server:
 * a resident reading a page never needs the request. The query keeps its real fetch, disabled
 * here: a query left with no fetch of its own fails when something refetches it later (the
 * window regaining focus, a language change), and the account page then said "We could not load
 * your account" in the middle of setting up a second factor.
 */
export function useKnownProfile(): ProfileResponse | undefined {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    enabled: false,
  }).data;
}
