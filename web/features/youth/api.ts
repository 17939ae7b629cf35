import type {
  AddYoungPersonRequest,
  YoungPerson,
  YouthSettingsRequest,
  YouthSettingsView,
} from '../../../shared/youth/contract.ts';
import { api } from '../../app/api.ts';

// A youth program's HTTP routes, for its coordinators (shared/youth/contract.ts). Answers are
// read as the server sends them: it builds them from its own tables through the same contract.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const youngPersonPath = (id: string) => `/api/young-people/${encodeURIComponent(id)}`;

/** Every query of a youth program starts with this, so that a change refreshes the page. */
export const youthKey = (programId: string) => ['youth', programId] as const;
export const youthSettingsKey = (programId: string) =>
  [...youthKey(programId), 'settings'] as const;
export const youngPeopleKey = (programId: string) =>
  [...youthKey(programId), 'young-people'] as const;

export async function fetchYouthSettings(
  programId: string,
  signal?: AbortSignal,
): Promise<YouthSettingsView | null> {
  const answer = await api<{ settings: YouthSettingsView | null }>(
    `${inProgram(programId)}/youth`,
    {
      signal,
    },
  );
  return answer.settings;
}

export async function saveYouthSettings(
  programId: string,
  body: YouthSettingsRequest,
): Promise<YouthSettingsView> {
  const answer = await api<{ settings: YouthSettingsView }>(`${inProgram(programId)}/youth`, {
    method: 'PUT',
    body,
  });
  return answer.settings;
}

export async function fetchYoungPeople(
  programId: string,
  signal?: AbortSignal,
): Promise<YoungPerson[]> {
  const answer = await api<{ youngPeople: YoungPerson[] }>(`${inProgram(programId)}/young-people`, {
    signal,
  });
  return answer.youngPeople;
}

export function addYoungPerson(programId: string, body: AddYoungPersonRequest) {
  return api<{ youngPerson: YoungPerson; youthLink: string }>(
    `${inProgram(programId)}/young-people`,
    { body },
  );
}

export function newYouthLink(youngPersonId: string) {
  return api<{ youthLink: string }>(`${youngPersonPath(youngPersonId)}/link`, { method: 'POST' });
}

export function askGuardianAgain(youngPersonId: string) {
  return api<{ youngPerson: YoungPerson }>(`${youngPersonPath(youngPersonId)}/consent-request`, {
    method: 'POST',
  });
}

/** Records that the young person has left: their record is removed when the retention ends. */
export function recordLeaving(id: string): Promise<unknown> {
  return api(`${youngPersonPath(id)}/leave`, { method: 'POST' });
}
