import { useQueries } from '@tanstack/react-query';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { fetchOrganisation, fetchProgram, organisationKey, programKey } from './api.ts';

/**
 * The programs a person reaches through these roles: those they hold a role in, and every program
 * of an organisation where their role spans the whole organisation; as [id, name], by name. A
 * program the server will not show them is left out.
 */
export function useReachablePrograms(roles: ProfileResponse['roles']) {
  const programIds = [
    ...new Set(roles.flatMap((role) => (role.programId ? [role.programId] : []))),
  ];
  const organisationIds = [
    ...new Set(roles.flatMap((role) => (role.programId ? [] : [role.organisationId]))),
  ];
  const programs = useQueries({
    queries: programIds.map((id) => ({
      queryKey: programKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProgram(id, signal),
      retry: retryUnlessRefused,
    })),
  });
  const organisations = useQueries({
    queries: organisationIds.map((id) => ({
      queryKey: organisationKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOrganisation(id, signal),
      retry: retryUnlessRefused,
    })),
  });
  const found = new Map<string, string>();
  for (const query of programs) if (query.data) found.set(query.data.id, query.data.name);
  for (const query of organisations) {
    for (const program of query.data?.programs ?? []) found.set(program.id, program.name);
  }
  return [...found].sort(([, a], [, b]) => a.localeCompare(b));
}
