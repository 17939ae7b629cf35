import type { TFunction } from 'i18next';
import {
  CONTACT_MAX,
  ITEM_TEXT_MAX,
  NAME_MAX,
  PEOPLE_INVOLVED_MAX,
  PLACE_MAX,
  RECORD_MAX,
  SUMMARY_MAX,
} from '../../../shared/conferences/contract.ts';
import { REASON_MAX } from '../../../shared/conferences/machine.ts';
import { RULE_LABEL_MAX } from '../../../shared/conferences/names.ts';
import type { FieldProblem } from '../../app/api.ts';

// The server's field messages are English; the conferences' forms show them in the reader's
// language, chosen by the field and zod's stable code, with the contract's own limits. A message
// this page does not know is shown in the server's words rather than not at all.

const tooBig = (code: string | undefined) => code === 'too_big';

/** Long or missing words: "Keep … under N characters." or "Write …". */
function words(t: TFunction, code: string | undefined, what: WordsField, max: number): string {
  return tooBig(code)
    ? t(`conferences.errors.long.${what}`, { max })
    : t(`conferences.errors.missing.${what}`);
}

type WordsField =
  | 'referrerOrganisation'
  | 'referrerName'
  | 'referrerContact'
  | 'incidentSummary'
  | 'peopleInvolved'
  | 'name'
  | 'reason'
  | 'body'
  | 'place'
  | 'description'
  | 'verification'
  | 'signature'
  | 'comment'
  | 'publicTitle'
  | 'label';

const wordFields: Record<string, [WordsField, number]> = {
  referrerOrganisation: ['referrerOrganisation', NAME_MAX],
  referrerName: ['referrerName', NAME_MAX],
  referrerContact: ['referrerContact', CONTACT_MAX],
  incidentSummary: ['incidentSummary', SUMMARY_MAX],
  peopleInvolved: ['peopleInvolved', PEOPLE_INVOLVED_MAX],
  name: ['name', NAME_MAX],
  reason: ['reason', REASON_MAX],
  body: ['body', RECORD_MAX],
  place: ['place', PLACE_MAX],
  description: ['description', ITEM_TEXT_MAX],
  verification: ['verification', ITEM_TEXT_MAX],
  signature: ['signature', NAME_MAX],
  comment: ['comment', REASON_MAX],
  publicTitle: ['publicTitle', 160],
  publicDescription: ['description', 1_000],
};

/**
 * A day or a moment: the server's own checks (a day passed, a payment after the item's day) by
 * their code, and a missing or malformed one as the contract refuses it.
 */
function dayMessage(t: TFunction, field: string, problem: FieldProblem): string | undefined {
  const isDay = /(^|\.)(dueOn|paidOn|incidentOn)$/.test(field);
  const isMoment = field === 'startsAt' || field === 'meetingAt';
  if (!isDay && !isMoment) return undefined;
  const byCode: Partial<Record<string, string>> = {
    due_in_past: t('conferences.errors.dayPassed'),
    after_due_day: t('conferences.errors.afterDueDay'),
    same_day: t('conferences.errors.sameDay'),
  };
  const known = problem.code ? byCode[problem.code] : undefined;
  if (known) return known;
  // zod's own codes mean the value is missing or malformed; other words are the server's.
  if (problem.code) return isDay ? t('conferences.errors.day') : t('conferences.errors.moment');
  return problem.message;
}

/** The message for one field problem of any conference form, in the reader's language. */
export function conferenceFieldMessage(t: TFunction, problem: FieldProblem): string {
  const { field, code } = problem;
  const known = wordFields[field];
  if (known) {
    // "Say where the conference meets" is a refinement on the place, not a missing word.
    if (field === 'place' && code === 'custom') return t('conferences.errors.placeNeeded');
    if (field === 'comment' && code === 'custom') return t('conferences.errors.returnNeedsWhy');
    return words(t, code, known[0], known[1]);
  }
  if (/^rules\.\d+\.label$/.test(field)) return words(t, code, 'label', RULE_LABEL_MAX);
  const day = dayMessage(t, field, problem);
  if (day) return day;
  if (field.startsWith('rules')) return t('conferences.errors.rules');
  if (field.startsWith('restitution.instalments')) {
    if (field.endsWith('.amountCents')) return t('conferences.errors.amount');
    return code === 'custom'
      ? t('conferences.errors.instalmentsSum')
      : t('conferences.errors.instalments');
  }
  if (field === 'restitution.currency') return t('conferences.errors.currency');
  if (field === 'restitution.amountCents' || field === 'amountCents') {
    return tooBig(code) ? t('conferences.errors.amountLarge') : t('conferences.errors.amount');
  }
  if (field === 'restitution') return t('conferences.errors.restitution');
  if (field === 'responsible' || field.startsWith('responsible.')) {
    return t('conferences.errors.responsible');
  }
  const simple: Partial<Record<string, string>> = {
    referrerKind: t('conferences.errors.referrerKind'),
    harmType: t('conferences.errors.harmType'),
    urgency: t('conferences.errors.urgency'),
    heldOn: t('conferences.errors.heldOn'),
    partyId: t('conferences.errors.party'),
    itemId: t('conferences.errors.item'),
    language: t('conferences.errors.language'),
    role: t('conferences.errors.role'),
    email: t('conferences.errors.email'),
    kind: t('conferences.errors.kind'),
    mode: t('conferences.errors.mode'),
    outcome: t('conferences.errors.outcome'),
    eligible: t('conferences.errors.eligible'),
    safe: t('conferences.errors.safe'),
    voluntary: t('conferences.errors.voluntary'),
    personId: t('conferences.errors.person'),
    agencyOrganisationId: t('conferences.errors.agency'),
    scriptOrder: t('conferences.errors.scriptOrder'),
    status: t('conferences.errors.settled'),
  };
  return simple[field] ?? problem.message;
}
