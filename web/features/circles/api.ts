import type {
  CircleDetail,
  CirclePeople,
  CircleSummary,
  CreateCircleBody,
  Harvest,
  InviteToCircleBody,
  JoinCircleBody,
  JoinedCircle,
  JoinLink,
  PreJoin,
  PreviousCircle,
  ReviewHarvestBody,
  SaveHarvestBody,
  TranscriptMessage,
  VoiceReport,
} from '../../../shared/circles/contract.ts';
import { api } from '../../app/api.ts';

// The circles' HTTP routes (shared/circles/contract.ts). Their answers are plain interfaces in
// the contract, read as they come: the server builds them from its own tables.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const one = (circleId: string) => `/api/circles/${encodeURIComponent(circleId)}`;

/** Every circle query starts with this, so a change refreshes lists and pages at once. */
export const circlesKey = ['circles'] as const;
export const programCirclesKey = (programId: string) => ['circles', 'program', programId] as const;
export const myCirclesKey = ['circles', 'mine'] as const;
export const circleKey = (circleId: string) => ['circles', 'one', circleId] as const;
export const circlePeopleKey = (programId: string) => ['circles', 'people', programId] as const;
export const preJoinKey = (circleId: string) => ['circles', 'pre-join', circleId] as const;
export const linkPreviewKey = (token: string) => ['circles', 'link', token] as const;
export const harvestKey = (circleId: string) => ['circles', 'harvest', circleId] as const;
export const previousKey = (circleId: string) => ['circles', 'previous', circleId] as const;
export const voiceKey = (circleId: string) => ['circles', 'voice', circleId] as const;
export const transcriptKey = (circleId: string) => ['circles', 'transcript', circleId] as const;

export function fetchProgramCircles(programId: string, signal?: AbortSignal) {
  return api<CircleSummary[]>(`${inProgram(programId)}/circles`, { signal });
}

export function fetchCirclePeople(programId: string, signal?: AbortSignal) {
  return api<CirclePeople>(`${inProgram(programId)}/circle-people`, { signal });
}

export function planCircle(programId: string, body: CreateCircleBody) {
  return api<{ circles: CircleSummary[] }>(`${inProgram(programId)}/circles`, { body });
}

export function fetchMyCircles(signal?: AbortSignal) {
  return api<CircleSummary[]>('/api/circles/mine', { signal });
}

export function fetchCircle(circleId: string, signal?: AbortSignal) {
  return api<CircleDetail>(one(circleId), { signal });
}

export async function cancelCircle(circleId: string): Promise<void> {
  await api(`${one(circleId)}/cancel`, { method: 'POST' });
}

export function inviteToCircle(circleId: string, body: InviteToCircleBody) {
  return api<{ invited: number }>(`${one(circleId)}/invitations`, { body });
}

export function makeJoinLink(circleId: string) {
  return api<JoinLink>(`${one(circleId)}/join-link`, { method: 'POST' });
}

export async function revokeJoinLink(circleId: string): Promise<void> {
  await api(`${one(circleId)}/join-link`, { method: 'DELETE' });
}

/** The calendar invitation: a plain link, so that the browser downloads it. */
export const calendarHref = (circleId: string) => `${one(circleId)}/calendar.ics`;

export function previewJoinLink(token: string, signal?: AbortSignal) {
  return api<PreJoin>('/api/circle-join/preview', { body: { token }, signal });
}

/** Joins by a link or a personal invitation; a resident without an account gets one. */
export function joinByToken(body: JoinCircleBody & { token: string }) {
  return api<JoinedCircle>('/api/circle-join', { body });
}

export function fetchPreJoin(circleId: string, signal?: AbortSignal) {
  return api<PreJoin>(`${one(circleId)}/pre-join`, { signal });
}

export function joinSignedIn(circleId: string, body: JoinCircleBody) {
  return api<JoinedCircle>(`${one(circleId)}/join`, { body });
}

export function fetchHarvest(circleId: string, signal?: AbortSignal) {
  return api<Harvest>(`${one(circleId)}/harvest`, { signal });
}

export function saveHarvest(circleId: string, body: SaveHarvestBody) {
  return api<Harvest>(`${one(circleId)}/harvest`, { method: 'PUT', body });
}

export async function shareHarvest(circleId: string): Promise<void> {
  await api(`${one(circleId)}/harvest/share`, { method: 'POST' });
}

export async function reviewHarvest(circleId: string, body: ReviewHarvestBody): Promise<void> {
  await api(`${one(circleId)}/harvest/reviews`, { body });
}

export async function finaliseHarvest(circleId: string): Promise<void> {
  await api(`${one(circleId)}/harvest/finalise`, { method: 'POST' });
}

export function fetchPrevious(circleId: string, signal?: AbortSignal) {
  return api<PreviousCircle | null>(`${one(circleId)}/previous`, { signal });
}

export function fetchVoice(circleId: string, signal?: AbortSignal) {
  return api<VoiceReport>(`${one(circleId)}/voice`, { signal });
}

export function fetchTranscript(circleId: string, signal?: AbortSignal) {
  return api<TranscriptMessage[]>(`${one(circleId)}/transcript`, { signal });
}
