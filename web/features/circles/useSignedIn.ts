import { useQuery } from '@tanstack/react-query';
import { meQueryKey } from '../../app/session.ts';
import { fetchProfile } from '../profile/api.ts';
import { retryUnlessRefused } from './LoadProblem.tsx';

/**
 * The person signed in. Circle pages ask, so that the header offers their account and their
 * circles even when the page was opened straight from a link.
 */
export function useSignedIn() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    retry: retryUnlessRefused,
  });
}
