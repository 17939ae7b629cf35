import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitmentDetail } from '../../../shared/commitments/contract.ts';
import { commitmentKey, commitmentsKey } from './api.ts';

/**
 * A change to one commitment: its answer replaces the page's copy at once, and every list is
 * marked out of date, to be fetched again when next shown.
 */
export function useCommitmentChange<Body>(
  commitmentId: string,
  send: (commitmentId: string, body: Body) => Promise<CommitmentDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => send(commitmentId, body),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: commitmentsKey, refetchType: 'none' });
      queryClient.setQueryData(commitmentKey(commitmentId), detail);
    },
  });
}
