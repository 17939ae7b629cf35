import {
  type CreatePairRequest,
  type LogMeetingRequest,
  type PairDetail,
  type PairSummary,
  pairDetail,
  pairList,
  pairSummary,
} from '../../../shared/youth/mentoring-contract.ts';
import { api } from '../../app/api.ts';

// Mentoring pairs: the coordinator's list and form, and a pair's page for the mentor, the young
// person and those who read along.

export const pairKey = (pairId: string) => ['youth', 'pair', pairId] as const;
export const myPairsKey = ['youth', 'my-pairs'] as const;
export const programPairsKey = (programId: string) => ['youth', programId, 'pairs'] as const;

export async function fetchMyPairs(signal?: AbortSignal): Promise<PairSummary[]> {
  return (await api('/api/me/mentoring', { schema: pairList, signal })).pairs;
}

export async function fetchProgramPairs(
  programId: string,
  signal?: AbortSignal,
): Promise<PairSummary[]> {
  return (await api(`/api/programs/${programId}/mentoring-pairs`, { schema: pairList, signal }))
    .pairs;
}

export async function fetchMentors(
  programId: string,
  signal?: AbortSignal,
): Promise<{ id: string; name: string }[]> {
  return (
    await api<{ mentors: { id: string; name: string }[] }>(`/api/programs/${programId}/mentors`, {
      signal,
    })
  ).mentors;
}

export function createPair(programId: string, body: CreatePairRequest): Promise<PairSummary> {
  return api(`/api/programs/${programId}/mentoring-pairs`, { body, schema: pairSummary });
}

export function fetchPair(pairId: string, signal?: AbortSignal): Promise<PairDetail> {
  return api(`/api/mentoring-pairs/${pairId}`, { schema: pairDetail, signal });
}

export function sendMessage(pairId: string, body: string): Promise<PairDetail> {
  return api(`/api/mentoring-pairs/${pairId}/messages`, { body: { body }, schema: pairDetail });
}

export function logMeeting(pairId: string, meeting: LogMeetingRequest): Promise<PairDetail> {
  return api(`/api/mentoring-pairs/${pairId}/meetings`, { body: meeting, schema: pairDetail });
}
