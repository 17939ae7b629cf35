import {
  type CreateInvitationRequest,
  createInvitationResponse,
  invitationList,
} from '../../../shared/invitations/contract.ts';
import {
  type CreateProgramRequest,
  organisationDirectory,
  organisationResponse,
  peopleList,
  programSummary,
} from '../../../shared/organisations/contract.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import { api } from '../../app/api.ts';

// The organisation's admin pages, on the routes of shared/organisations and shared/invitations.

const org = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}`;

export const organisationKey = (id: string) => ['organisations', id] as const;
export const peopleKey = (id: string) => ['organisations', id, 'people'] as const;
export const invitationsKey = (id: string) => ['organisations', id, 'invitations'] as const;
export const allOrganisationsKey = ['organisations'] as const;

export function fetchOrganisation(id: string, signal?: AbortSignal) {
  return api(org(id), { schema: organisationResponse, signal });
}

/** One program read, whichever page asked first (its circles, its register, a form). */
export const programKey = (programId: string) => ['programs', programId] as const;

export function fetchProgram(programId: string, signal?: AbortSignal) {
  return api(`/api/programs/${encodeURIComponent(programId)}`, { schema: programSummary, signal });
}

/** The organisations on this installation, for an admin choosing a program's partners. */
export async function fetchAllOrganisations(signal?: AbortSignal) {
  return (await api('/api/organisations', { schema: organisationDirectory, signal })).organisations;
}

export function createProgram(organisationId: string, body: CreateProgramRequest) {
  return api(`${org(organisationId)}/programs`, { body, schema: programSummary });
}

export async function fetchPeople(organisationId: string, signal?: AbortSignal) {
  return (await api(`${org(organisationId)}/people`, { schema: peopleList, signal })).people;
}

export async function grantRole(
  organisationId: string,
  personId: string,
  body: { role: Role; programId: string | null },
): Promise<void> {
  await api(`${org(organisationId)}/people/${encodeURIComponent(personId)}/roles`, { body });
}

export async function revokeRole(
  organisationId: string,
  personId: string,
  membershipId: string,
): Promise<void> {
  await api(
    `${org(organisationId)}/people/${encodeURIComponent(personId)}/roles/${encodeURIComponent(membershipId)}`,
    { method: 'DELETE' },
  );
}

/** The agency's admin confirms that an officer is one. */
export async function verifyOfficer(organisationId: string, personId: string): Promise<void> {
  await api(`${org(organisationId)}/people/${encodeURIComponent(personId)}/verify-officer`, {
    body: {},
  });
}

export async function disablePerson(organisationId: string, personId: string): Promise<void> {
  await api(`${org(organisationId)}/people/${encodeURIComponent(personId)}/disable`, { body: {} });
}

/** Lets a disabled person sign in again; they start with no session. */
export async function enablePerson(organisationId: string, personId: string): Promise<void> {
  await api(`${org(organisationId)}/people/${encodeURIComponent(personId)}/enable`, { body: {} });
}

/** For a staff member who lost their authenticator app and backup codes: they set up a new one. */
export async function resetSecondFactor(organisationId: string, personId: string): Promise<void> {
  await api(`${org(organisationId)}/people/${encodeURIComponent(personId)}/reset-second-factor`, {
    body: {},
  });
}

export async function fetchInvitations(organisationId: string, signal?: AbortSignal) {
  return (await api(`${org(organisationId)}/invitations`, { schema: invitationList, signal }))
    .invitations;
}

export function createInvitation(organisationId: string, body: CreateInvitationRequest) {
  return api(`${org(organisationId)}/invitations`, { body, schema: createInvitationResponse });
}

export async function revokeInvitation(invitationId: string): Promise<void> {
  await api(`/api/invitations/${encodeURIComponent(invitationId)}/revoke`, { body: {} });
}
