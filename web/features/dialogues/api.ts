import type {
  AddStatementBody,
  CreateDialogueBody,
  DialogueCommitmentBody,
  DialogueDetail,
  DialoguePreview,
  DialogueReport,
  DialogueSummary,
  JoinDialogueBody,
  Joined,
  JoinLink,
  ModerateBody,
  ModeratedStatement,
  ModerationQueue,
  MyStatement,
  NextStatement,
  PublicResults,
  UpdateDialogueBody,
  VoteChoice,
} from '../../../shared/dialogues/contract.ts';
import { api } from '../../app/api.ts';

// The dialogues' HTTP routes (shared/dialogues/contract.ts). Their answers are plain interfaces
// in the contract, read as they come: the server builds them from its own tables.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const one = (dialogueId: string) => `/api/dialogues/${encodeURIComponent(dialogueId)}`;
const statement = (dialogueId: string, statementId: string) =>
  `${one(dialogueId)}/statements/${encodeURIComponent(statementId)}`;

/** Every dialogue query starts with this, so a change refreshes lists and pages at once. */
export const dialoguesKey = ['dialogues'] as const;
export const programDialoguesKey = (programId: string) =>
  ['dialogues', 'program', programId] as const;
export const dialogueKey = (id: string) => ['dialogues', 'one', id] as const;
export const nextKey = (id: string) => ['dialogues', 'next', id] as const;
export const mineKey = (id: string) => ['dialogues', 'mine', id] as const;
export const moderationKey = (id: string) => ['dialogues', 'moderation', id] as const;
export const reportKey = (id: string) => ['dialogues', 'report', id] as const;
export const previewKey = (token: string) => ['dialogues', 'preview', token] as const;
export const publicResultsKey = (id: string) => ['dialogues', 'public', id] as const;

export function fetchProgramDialogues(programId: string, signal?: AbortSignal) {
  return api<DialogueSummary[]>(`${inProgram(programId)}/dialogues`, { signal });
}

export function createDialogue(programId: string, body: CreateDialogueBody) {
  return api<DialogueDetail>(`${inProgram(programId)}/dialogues`, { body });
}

export function importPolis(
  programId: string,
  body: { title: string; commentsCsv: string; votesCsv: string },
) {
  return api<DialogueDetail>(`${inProgram(programId)}/dialogues/import-polis`, { body });
}

export function fetchDialogue(dialogueId: string, signal?: AbortSignal) {
  return api<DialogueDetail>(one(dialogueId), { signal });
}

export function updateDialogue(dialogueId: string, body: UpdateDialogueBody) {
  return api<DialogueDetail>(one(dialogueId), { method: 'PATCH', body });
}

export function closeDialogue(dialogueId: string) {
  return api<DialogueDetail>(`${one(dialogueId)}/close`, { method: 'POST' });
}

export function makeJoinLink(dialogueId: string) {
  return api<JoinLink>(`${one(dialogueId)}/join-link`, { method: 'POST' });
}

export function previewJoin(token: string, signal?: AbortSignal) {
  return api<DialoguePreview>('/api/dialogue-join/preview', { body: { token }, signal });
}

/** Joins by the public link; a resident without an account gets one, signed in. */
export function joinByToken(body: JoinDialogueBody & { token: string }) {
  return api<Joined>('/api/dialogue-join', { body });
}

export function joinSignedIn(dialogueId: string, body: JoinDialogueBody) {
  return api<Joined>(`${one(dialogueId)}/join`, { body });
}

export function fetchNext(dialogueId: string, signal?: AbortSignal) {
  return api<NextStatement>(`${one(dialogueId)}/next`, { signal });
}

export function fetchMine(dialogueId: string, signal?: AbortSignal) {
  return api<MyStatement[]>(`${one(dialogueId)}/mine`, { signal });
}

export function addStatement(dialogueId: string, body: AddStatementBody) {
  return api<MyStatement>(`${one(dialogueId)}/statements`, { body });
}

export function castVote(dialogueId: string, statementId: string, vote: VoteChoice) {
  return api<{ vote: VoteChoice }>(`${statement(dialogueId, statementId)}/vote`, {
    method: 'PUT',
    body: { vote },
  });
}

export async function reportStatement(dialogueId: string, statementId: string, reason: string) {
  await api(`${statement(dialogueId, statementId)}/report`, { body: { reason } });
}

export async function respondAsOfficer(dialogueId: string, statementId: string, text: string) {
  await api(`${statement(dialogueId, statementId)}/response`, { body: { text } });
}

export function fetchModeration(dialogueId: string, signal?: AbortSignal) {
  return api<ModerationQueue>(`${one(dialogueId)}/moderation`, { signal });
}

export function moderate(dialogueId: string, statementId: string, body: ModerateBody) {
  return api<ModeratedStatement>(`${statement(dialogueId, statementId)}/moderate`, { body });
}

export async function blockParticipant(dialogueId: string, participantId: string, reason: string) {
  await api(`${one(dialogueId)}/participants/${encodeURIComponent(participantId)}/block`, {
    body: { reason },
  });
}

export function fetchReport(dialogueId: string, signal?: AbortSignal) {
  return api<DialogueReport>(`${one(dialogueId)}/report`, { signal });
}

/** The export: a plain link, so that the browser downloads it. */
export const reportCsvHref = (dialogueId: string) => `${one(dialogueId)}/report.csv`;

export function saveSynthesis(
  dialogueId: string,
  body: { synthesis: string; resultsPublic: boolean },
) {
  return api<DialogueDetail>(`${one(dialogueId)}/synthesis`, { method: 'PUT', body });
}

export function makeCommitment(dialogueId: string, body: DialogueCommitmentBody) {
  return api<{ commitmentId: string }>(`${one(dialogueId)}/commitments`, { body });
}

export function fetchPublicResults(dialogueId: string, signal?: AbortSignal) {
  return api<PublicResults>(`/api/public/dialogues/${encodeURIComponent(dialogueId)}`, {
    signal,
  });
}

/** The report's live socket, on this page's own host: wss under https, ws otherwise. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>, dialogueId: string) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${one(dialogueId)}/live`;
}
