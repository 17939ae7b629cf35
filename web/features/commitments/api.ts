import {
  type CommitmentFilters,
  type CommitmentUpdateRequest,
  type CreateCommitmentRequest,
  commitmentDetail,
  commitmentList,
  commitmentOwnerChoices,
} from '../../../shared/commitments/contract.ts';
import { api } from '../../app/api.ts';

// The accountability register's staff routes (shared/commitments/contract.ts), and the program
// and organisation reads its pages need for names.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const one = (commitmentId: string) => `/api/commitments/${encodeURIComponent(commitmentId)}`;

/** Every commitment query starts with this, so a change refreshes lists and pages at once. */
export const commitmentsKey = ['commitments'] as const;
export const programCommitmentsKey = (programId: string, filters: CommitmentFilters) =>
  ['commitments', 'program', programId, filters] as const;
export const myCommitmentsKey = ['commitments', 'mine'] as const;
export const commitmentKey = (id: string) => ['commitments', 'one', id] as const;
export const ownerChoicesKey = (programId: string) => ['commitments', 'owners', programId] as const;
/** A list's filters as query parameters (the API's and the page's alike); empty ones left out. */
export function filtersParams(filters: CommitmentFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value) query.set(name, value);
  }
  return query;
}

export function fetchProgramCommitments(
  programId: string,
  filters: CommitmentFilters,
  signal?: AbortSignal,
) {
  const query = filtersParams(filters).toString();
  return api(`${inProgram(programId)}/commitments${query ? `?${query}` : ''}`, {
    schema: commitmentList,
    signal,
  });
}

export function fetchMyCommitments(signal?: AbortSignal) {
  return api('/api/commitments/mine', { schema: commitmentList, signal });
}

export function fetchCommitment(commitmentId: string, signal?: AbortSignal) {
  return api(one(commitmentId), { schema: commitmentDetail, signal });
}

export function fetchOwnerChoices(programId: string, signal?: AbortSignal) {
  return api(`${inProgram(programId)}/commitment-owners`, {
    schema: commitmentOwnerChoices,
    signal,
  });
}

export function createCommitment(programId: string, body: CreateCommitmentRequest) {
  return api(`${inProgram(programId)}/commitments`, { body, schema: commitmentDetail });
}

export function reportOnCommitment(commitmentId: string, body: CommitmentUpdateRequest) {
  return api(`${one(commitmentId)}/updates`, { body, schema: commitmentDetail });
}

export function moveDueDate(commitmentId: string, body: { dueOn: string; reason: string }) {
  return api(`${one(commitmentId)}/due-date`, { body, schema: commitmentDetail });
}

export function verifyCompletion(commitmentId: string, body: { note: string }) {
  return api(`${one(commitmentId)}/verify`, { body, schema: commitmentDetail });
}

/** The list as a spreadsheet, with the same filters (a plain link: the browser downloads it). */
export function exportHref(programId: string, filters: CommitmentFilters): string {
  const query = filtersParams(filters).toString();
  return `${inProgram(programId)}/commitments/export${query ? `?${query}` : ''}`;
}

/** The public register's pages, served by the server (not the app): plain links. */
export const publicProgramHref = (programId: string) =>
  `/register/programs/${encodeURIComponent(programId)}`;
