import type {
  AnswerBody,
  AnswerToken,
  CreateSurveyBody,
  Dashboard,
  DashboardQuery,
  MySurvey,
  OrganisationMeasurement,
  Phase,
  PublicTrust,
  SupportedLanguage,
  SurveyDetail,
  SurveyResults,
  SurveySummary,
  SurveyToAnswer,
  UpdateSurveyBody,
} from '../../../shared/measurement/contract.ts';
import { api } from '../../app/api.ts';

// Measurement's HTTP routes (shared/measurement/contract.ts). Their answers are plain interfaces
// in the contract, read as they come: the server builds them from its own tables.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const survey = (surveyId: string) => `/api/surveys/${encodeURIComponent(surveyId)}`;
const answering = (token: string) => `/api/survey-answer/${encodeURIComponent(token)}`;
const inOrganisation = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}`;

/** Every measurement query starts with this, so a change refreshes lists and pages at once. */
export const measurementKey = ['measurement'] as const;
export const programSurveysKey = (programId: string) =>
  ['measurement', 'program-surveys', programId] as const;
export const surveyKey = (surveyId: string) => ['measurement', 'survey', surveyId] as const;
export const resultsKey = (surveyId: string) => ['measurement', 'results', surveyId] as const;
export const dashboardKey = (programId: string, query: DashboardQuery) =>
  ['measurement', 'dashboard', programId, query] as const;
export const organisationMeasurementKey = (organisationId: string) =>
  ['measurement', 'organisation', organisationId] as const;
export const publicTrustKey = (organisationId: string) =>
  ['measurement', 'public', organisationId] as const;
export const mySurveysKey = ['measurement', 'mine'] as const;
export const pulseTokenKey = (link: PublicLink) =>
  ['measurement', 'pulse-token', link.slug, link.phase] as const;
export const toAnswerKey = (token: string, language: string) =>
  ['measurement', 'answer', token, language] as const;

export function fetchProgramSurveys(programId: string, signal?: AbortSignal) {
  return api<SurveySummary[]>(`${inProgram(programId)}/surveys`, { signal });
}

export function createSurvey(programId: string, body: CreateSurveyBody) {
  return api<SurveyDetail>(`${inProgram(programId)}/surveys`, { body });
}

export function fetchSurvey(surveyId: string, signal?: AbortSignal) {
  return api<SurveyDetail>(survey(surveyId), { signal });
}

export function updateSurvey(surveyId: string, body: UpdateSurveyBody) {
  return api<SurveyDetail>(survey(surveyId), { method: 'PATCH', body });
}

export function closeSurvey(surveyId: string) {
  return api<SurveyDetail>(`${survey(surveyId)}/close`, { method: 'POST' });
}

/** A pulse's poster: plain links, so that the browser downloads them. */
export const posterHref = (surveyId: string, format: 'png' | 'pdf', phase?: Phase) =>
  `${survey(surveyId)}/poster.${format}${phase ? `?phase=${phase}` : ''}`;

export function fetchResults(surveyId: string, signal?: AbortSignal) {
  return api<SurveyResults>(`${survey(surveyId)}/results`, { signal });
}

/** A fresh one-use token for one visit to a pulse's public link. */
/** A public link: a pulse's slug, or a training survey's with the side it is answered on. */
export interface PublicLink {
  slug: string;
  phase: Phase | null;
}

export function startPulse(link: PublicLink) {
  return api<AnswerToken>(`/api/pulse/${encodeURIComponent(link.slug)}/start`, {
    method: 'POST',
    ...(link.phase ? { body: { phase: link.phase } } : {}),
  });
}

export function fetchToAnswer(token: string, language: SupportedLanguage, signal?: AbortSignal) {
  return api<SurveyToAnswer>(`${answering(token)}?language=${encodeURIComponent(language)}`, {
    signal,
  });
}

export function sendAnswers(token: string, body: AnswerBody) {
  return api<{ received: true }>(answering(token), { body });
}

export function fetchMySurveys(signal?: AbortSignal) {
  return api<MySurvey[]>('/api/me/surveys', { signal });
}

export function tokenForMine(invitationId: string) {
  return api<AnswerToken>(`/api/me/surveys/${encodeURIComponent(invitationId)}/token`, {
    method: 'POST',
  });
}

/** The query string of a dashboard and its CSV: only what was chosen, in a stable order. */
export function dashboardSearch(query: DashboardQuery): string {
  const search = new URLSearchParams({ kind: query.kind });
  if (query.quarter) search.set('quarter', query.quarter);
  if (query.compareWith) search.set('compareWith', query.compareWith);
  return search.toString();
}

export function fetchDashboard(programId: string, query: DashboardQuery, signal?: AbortSignal) {
  return api<Dashboard>(`${inProgram(programId)}/measurement?${dashboardSearch(query)}`, {
    signal,
  });
}

/** The dashboard's figures as CSV: a plain link, so that the browser downloads it. */
export const dashboardCsvHref = (programId: string, query: DashboardQuery) =>
  `${inProgram(programId)}/measurement.csv?${dashboardSearch(query)}`;

/** The quarter's printable report, in the reader's language. */
export const reportPdfHref = (programId: string, quarter: string, language: SupportedLanguage) =>
  `${inProgram(programId)}/measurement/report.pdf?${new URLSearchParams({ quarter, language })}`;

export function fetchOrganisationMeasurement(organisationId: string, signal?: AbortSignal) {
  return api<OrganisationMeasurement>(`${inOrganisation(organisationId)}/measurement`, { signal });
}

export async function setPublicPage(organisationId: string, publicPage: boolean) {
  await api(`${inOrganisation(organisationId)}/measurement/public`, {
    method: 'PUT',
    body: { publicPage },
  });
}

export function fetchPublicTrust(organisationId: string, signal?: AbortSignal) {
  return api<PublicTrust>(`/api/public/trust/${encodeURIComponent(organisationId)}`, { signal });
}
