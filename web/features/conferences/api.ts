import type {
  AddedParty,
  AddItemBody,
  AddPartyBody,
  AddRecordBody,
  AgencyCase,
  AgreementItem,
  CaseCommandBody,
  CaseDetail,
  CaseRecord,
  CaseSummary,
  ConferenceSettings,
  GiveConsentBody,
  MyCase,
  OverdueItem,
  OversightView,
  PartyLink,
  PartyLinkPreview,
  PartyView,
  ReferralBody,
  ReferralForm,
  ReferralLink,
  ReferralReceipt,
  ReferralStatus,
  SaveSettingsBody,
  ScheduleBody,
  Script,
  SignOffBody,
  SignOffRequest,
  StaffChoice,
} from '../../../shared/conferences/contract.ts';
import type { CaseStage } from '../../../shared/conferences/machine.ts';
import type { TeamRole } from '../../../shared/conferences/names.ts';
import { api } from '../../app/api.ts';
import type { Language } from '../../i18n/languages.ts';

// The conferences' HTTP routes (shared/conferences/contract.ts). Answers are the contract's
// plain interfaces, read as they come: the server builds them from its own tables.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const one = (conferenceId: string) => `/api/conferences/${encodeURIComponent(conferenceId)}`;
const part = (id: string, kind: 'parties' | 'items', partId: string) =>
  `${one(id)}/${kind}/${encodeURIComponent(partId)}`;

/** Every conference query starts with this, so a change refreshes lists and pages at once. */
export const conferencesKey = ['conferences'] as const;
export const boardKey = (programId: string, stage: CaseStage | '') =>
  ['conferences', 'board', programId, stage] as const;
export const settingsKey = (programId: string) => ['conferences', 'settings', programId] as const;
export const overdueKey = (programId: string) => ['conferences', 'overdue', programId] as const;
export const peopleKey = (programId: string) => ['conferences', 'people', programId] as const;
export const caseKey = (id: string) => ['conferences', 'case', id] as const;
export const recordsKey = (id: string) => ['conferences', 'records', id] as const;
export const scriptKey = (id: string, language: Language) =>
  ['conferences', 'script', id, language] as const;
export const signOffsKey = (programId: string) => ['conferences', 'sign-offs', programId] as const;
export const oversightKey = (id: string) => ['conferences', 'oversight', id] as const;
export const agencyKey = (organisationId: string) =>
  ['conferences', 'agency', organisationId] as const;
export const myCasesKey = ['conferences', 'mine'] as const;
export const myPartKey = (id: string) => ['conferences', 'my-part', id] as const;
/** Link previews are keyed by their token; they are public and change rarely. */
export const referralFormKey = (token: string) => ['conference-referral', token] as const;
export const referralStatusKey = (token: string) =>
  ['conference-referral', 'status', token] as const;
export const partyPreviewKey = (token: string) => ['conference-party', token] as const;

// --- A program's conferences --------------------------------------------------------------------

export function fetchSettings(programId: string, signal?: AbortSignal) {
  return api<ConferenceSettings>(`${inProgram(programId)}/conference-settings`, { signal });
}

export function saveSettings(programId: string, body: SaveSettingsBody) {
  return api<ConferenceSettings>(`${inProgram(programId)}/conference-settings`, {
    method: 'PUT',
    body,
  });
}

export function makeReferralLink(programId: string) {
  return api<ReferralLink>(`${inProgram(programId)}/conference-settings/referral-link`, {
    method: 'POST',
  });
}

export function fetchBoard(programId: string, stage: CaseStage | '', signal?: AbortSignal) {
  const query = stage ? `?stage=${encodeURIComponent(stage)}` : '';
  return api<CaseSummary[]>(`${inProgram(programId)}/conferences${query}`, { signal });
}

export function fetchOverdue(programId: string, signal?: AbortSignal) {
  return api<OverdueItem[]>(`${inProgram(programId)}/conference-overdue`, { signal });
}

/** The de-identified outcomes: a plain link, so that the browser downloads the file. */
export const outcomesCsvHref = (programId: string) =>
  `${inProgram(programId)}/conference-outcomes.csv`;

export function fetchConferencePeople(programId: string, signal?: AbortSignal) {
  return api<StaffChoice[]>(`${inProgram(programId)}/conference-people`, { signal });
}

// --- Referral, without an account -------------------------------------------------------------

export function previewReferral(token: string, signal?: AbortSignal) {
  return api<ReferralForm>('/api/conference-referral/preview', { body: { token }, signal });
}

export function submitReferral(body: ReferralBody) {
  return api<ReferralReceipt>('/api/conference-referral', { body });
}

export function fetchReferralStatus(token: string, signal?: AbortSignal) {
  return api<ReferralStatus>('/api/conference-referral/status', { body: { token }, signal });
}

// --- A case, for its team ---------------------------------------------------------------------

export function fetchCase(id: string, signal?: AbortSignal) {
  return api<CaseDetail>(one(id), { signal });
}

export function runTransition(id: string, body: CaseCommandBody) {
  return api<CaseDetail>(`${one(id)}/transitions`, { body });
}

export async function assignTeam(id: string, body: { personId: string; role: TeamRole }) {
  await api(`${one(id)}/team`, { body });
}

export async function unassignTeam(id: string, personId: string) {
  await api(`${one(id)}/team/${encodeURIComponent(personId)}`, { method: 'DELETE' });
}

export function addParty(id: string, body: AddPartyBody) {
  return api<AddedParty>(`${one(id)}/parties`, { body });
}

export async function removeParty(id: string, partyId: string, reason: string) {
  await api(`${part(id, 'parties', partyId)}/remove`, { body: { reason } });
}

export function makePartyLink(id: string, partyId: string) {
  return api<PartyLink>(`${part(id, 'parties', partyId)}/link`, { method: 'POST' });
}

export async function recordPaperConsent(id: string, partyId: string, body: GiveConsentBody) {
  await api(`${part(id, 'parties', partyId)}/consent`, { body });
}

export async function recordWithdrawal(id: string, partyId: string, reason: string) {
  await api(`${part(id, 'parties', partyId)}/withdraw`, { body: { reason } });
}

export function fetchRecords(id: string, signal?: AbortSignal) {
  return api<CaseRecord[]>(`${one(id)}/records`, { signal });
}

export function addRecord(id: string, body: AddRecordBody) {
  return api<CaseRecord>(`${one(id)}/records`, { body });
}

export function scheduleConference(id: string, body: ScheduleBody) {
  return api<CaseDetail>(`${one(id)}/schedule`, { body });
}

export function fetchScript(id: string, language: Language, signal?: AbortSignal) {
  return api<Script>(`${one(id)}/script?language=${language}`, { signal });
}

/** The conference as a calendar entry: a plain link, so that the browser downloads it. */
export const calendarHref = (id: string) => `${one(id)}/calendar.ics`;

export function addItem(id: string, body: AddItemBody) {
  return api<AgreementItem>(`${one(id)}/items`, { body });
}

export async function removeItem(id: string, itemId: string, reason: string) {
  await api(`${part(id, 'items', itemId)}/remove`, { body: { reason } });
}

export async function settleItem(
  id: string,
  itemId: string,
  body: { status: 'done' | 'not_done'; reason: string },
) {
  await api(`${part(id, 'items', itemId)}/settle`, { body });
}

export async function reopenItem(id: string, itemId: string, reason: string) {
  await api(`${part(id, 'items', itemId)}/reopen`, { body: { reason } });
}

export function recordPayment(
  id: string,
  itemId: string,
  /** A null amount (nothing readable typed) goes as it is, for the server to name the field. */
  body: { paidOn: string; amountCents: number | null },
) {
  return api<AgreementItem>(`${part(id, 'items', itemId)}/payments`, { body });
}

export async function publishItem(
  id: string,
  itemId: string,
  body: { publicTitle: string; publicDescription: string },
) {
  await api(`${part(id, 'items', itemId)}/publish`, { body });
}

// --- Oversight and the agency -------------------------------------------------------------------

export function fetchSignOffs(programId: string, signal?: AbortSignal) {
  return api<SignOffRequest[]>(`${inProgram(programId)}/conference-sign-offs`, { signal });
}

export function fetchOversight(id: string, signal?: AbortSignal) {
  return api<OversightView>(`${one(id)}/oversight`, { signal });
}

export function signOff(id: string, body: SignOffBody) {
  return api<OversightView>(`${one(id)}/sign-off`, { body });
}

export function fetchAgencyCases(organisationId: string, signal?: AbortSignal) {
  return api<AgencyCase[]>(`/api/organisations/${encodeURIComponent(organisationId)}/conferences`, {
    signal,
  });
}

// --- Parties -----------------------------------------------------------------------------------

export function previewPartyLink(token: string, signal?: AbortSignal) {
  return api<PartyLinkPreview>('/api/conference-party/preview', { body: { token }, signal });
}

/** Takes up a party's link; a person without an account is signed in by it. */
export function acceptPartyLink(token: string, language: Language) {
  return api<{ conferenceId: string }>('/api/conference-party', { body: { token, language } });
}

export function fetchMyCases(signal?: AbortSignal) {
  return api<MyCase[]>('/api/conferences/mine', { signal });
}

export function fetchMyPart(id: string, signal?: AbortSignal) {
  return api<PartyView>(`${one(id)}/my-part`, { signal });
}

export async function giveConsent(id: string, body: GiveConsentBody) {
  await api(`${one(id)}/my-part/consent`, { body });
}

export async function withdrawMyConsent(id: string, reason: string) {
  await api(`${one(id)}/my-part/withdraw`, { body: { reason } });
}

export async function consentToPublish(id: string, itemId: string) {
  await api(`${one(id)}/my-part/items/${encodeURIComponent(itemId)}/publication-consent`, {
    method: 'POST',
  });
}
