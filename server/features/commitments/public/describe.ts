import type { FastifyRequest } from 'fastify';
import type { PublicEvent } from './events.ts';
import type { PublicCommitment } from './query.ts';
import { type RegisterLanguage, type RegisterWords, words } from './words.ts';

// How the register says things in the reader's language: which language that is, days and
// moments, owners and sources, and what each event of a timeline means.

/** ?lang=es|en, else the browser's first choice of the two, else English. */
export function languageOf(request: FastifyRequest): RegisterLanguage {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (asked === 'es' || asked === 'en') return asked;
  const body = request.body as Record<string, unknown> | undefined;
  if (body && (body.lang === 'es' || body.lang === 'en')) return body.lang;
  const header = request.headers['accept-language'] ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { tag: tag.split('-')[0], weight: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((choice) => choice.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const first = ranked.find((choice) => choice.tag === 'es' || choice.tag === 'en');
  return first?.tag === 'es' ? 'es' : 'en';
}

/** "12 March 2027" / "12 de marzo de 2027": a calendar day, the same wherever it is read. */
export function formatDay(day: string, language: RegisterLanguage): string {
  const moment = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(moment.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(moment);
}

/** A moment, in the programs' time zone. */
export function formatMoment(moment: Date, language: RegisterLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(moment);
}

/** The owner as the public sees it: the organisation and its unit, never a person. */
export function ownerOf(commitment: PublicCommitment): string {
  return commitment.ownerUnit
    ? `${commitment.ownerName} · ${commitment.ownerUnit}`
    : commitment.ownerName;
}

export function sourceOf(commitment: PublicCommitment, say: RegisterWords): string {
  const kind = say.sources[commitment.source];
  return commitment.sourceLabel ? `${kind} · ${commitment.sourceLabel}` : kind;
}

export function statusOf(commitment: PublicCommitment, say: RegisterWords): string {
  return say.statuses[commitment.status];
}

/** What happened, in a few words: "Status: Done", "Due day moved to 3 March 2027". */
export function headlineOf(event: PublicEvent, language: RegisterLanguage): string {
  const say = words[language].events;
  switch (event.kind) {
    case 'created':
      return say.created(formatDay(event.dueOn, language));
    case 'status_changed':
      return say.status(words[language].statuses[event.to]);
    case 'progress_reported':
      return say.progress(event.percent);
    case 'due_date_moved':
      return say.dueMoved(formatDay(event.dueOn, language));
    case 'completion_verified':
      return say.verified;
    case 'evidence_added':
      return say.evidence;
  }
}

/** The words given with it: a reason, a verification note, or the evidence. */
export function detailOf(event: PublicEvent): string {
  switch (event.kind) {
    case 'status_changed':
    case 'due_date_moved':
    case 'completion_verified':
      return event.reason;
    case 'evidence_added':
      return event.text;
    default:
      return '';
  }
}

/** Evidence links that are web addresses, each with the host it is shown as. */
export function linksOf(event: PublicEvent): { url: string; host: string }[] {
  if (event.kind !== 'evidence_added') return [];
  return event.links.flatMap((link) => {
    const parsed = URL.parse(link);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return [];
    return [{ url: parsed.href, host: parsed.hostname }];
  });
}
