import {
  type ConcernActionRequest,
  type ConcernsList,
  type ConcernView,
  concernResponse,
  concernsList,
  type RaiseConcernRequest,
  type RaisedConcern,
  raisedConcern,
} from '../../../shared/youth/concerns-contract.ts';
import { api } from '../../app/api.ts';

// Safeguarding concerns (shared/youth/concerns-contract.ts): raised by anyone of a youth program,
// read and acted on by its safeguarding lead alone.

const concernsPath = (programId: string) =>
  `/api/programs/${encodeURIComponent(programId)}/concerns`;

export const concernsKey = (programId: string) => ['youth', programId, 'concerns'] as const;

export function raiseConcern(programId: string, body: RaiseConcernRequest): Promise<RaisedConcern> {
  return api(concernsPath(programId), { method: 'POST', body, schema: raisedConcern });
}

export function fetchConcerns(programId: string, signal?: AbortSignal): Promise<ConcernsList> {
  return api(concernsPath(programId), { schema: concernsList, signal });
}

export async function addConcernAction(
  concernId: string,
  body: ConcernActionRequest,
): Promise<ConcernView> {
  const answer = await api(`/api/concerns/${encodeURIComponent(concernId)}/actions`, {
    method: 'POST',
    body,
    schema: concernResponse,
  });
  return answer.concern;
}
