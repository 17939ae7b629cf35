import { useQuery } from '@tanstack/react-query';
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
