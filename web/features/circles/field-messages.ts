import type { TFunction } from 'i18next';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  COMMENT_MAX,
  PURPOSE_MAX,
  SERIES_MAX,
  THEMES_MAX,
} from '../../../shared/circles/contract.ts';
import type { FieldProblem } from '../../app/api.ts';

// The server's field messages are English; the circles' forms show them in the reader's
// language, chosen by the field and zod's stable code, with the contract's own limits. A message
// this page does not know is shown in the server's words rather than not at all.

const tooBig = (code: string | undefined) => code === 'too_big';

/** The message for one field problem of the planning, inviting or joining forms. */
export function circleFieldMessage(t: TFunction, problem: FieldProblem): string {
  const { field, code } = problem;
  // Text the database cannot keep (a NUL, half of an emoji) is refused by a refinement.
  if (code === 'custom' && ['themes', 'comment'].includes(field)) {
    return t('circles.errors.unstorable');
  }
  switch (field) {
    case 'purpose':
      return tooBig(code)
        ? t('circles.errors.purposeLong', { max: PURPOSE_MAX })
        : t('circles.errors.purposeShort');
    case 'startsAtLocal':
      return code === 'in_past' ? t('circles.errors.startsInPast') : t('circles.errors.startsAt');
    case 'timeZone':
      return t('circles.errors.timeZone');
    case 'durationMinutes':
      return t('circles.errors.duration');
    case 'keeperId':
      return t('circles.errors.keeper');
    case 'coKeeperId':
      return t('circles.errors.coKeeper');
    case 'capacity':
      if (code === 'too_small') return t('circles.errors.capacitySmall', { min: CAPACITY_MIN });
      if (tooBig(code)) return t('circles.errors.capacityLarge', { max: CAPACITY_MAX });
      return t('circles.errors.capacity', { min: CAPACITY_MIN, max: CAPACITY_MAX });
    case 'language':
      return t('circles.errors.language');
    case 'repeat':
      return t('circles.errors.repeat');
    case 'count':
      return t('circles.errors.count', { max: SERIES_MAX });
    case 'displayName':
      if (code === 'police_title') return t('forms.policeTitle');
      return tooBig(code) ? t('circles.errors.nameLong') : t('circles.errors.name');
    case 'agreeToGuidelines':
      return t('circles.errors.agree');
    case 'themes':
      return tooBig(code)
        ? t('circles.errors.themesLong', { max: THEMES_MAX })
        : t('circles.errors.themes');
    case 'comment':
      return tooBig(code)
        ? t('circles.errors.commentLong', { max: COMMENT_MAX })
        : t('circles.errors.comment');
  }
  if (field === 'emails' || field.startsWith('emails.')) return t('circles.errors.email');
  if (field === 'personIds' || field.startsWith('personIds.')) return t('circles.errors.people');
  return problem.message;
}

/** A harvest commitment's field ("commitments.2.title"): its row, and the message for it. */
export function harvestFieldMessage(t: TFunction, problem: FieldProblem): string {
  const part = problem.field.split('.').slice(2).join('.');
  if (problem.code === 'custom' && part !== 'dueOn') return t('circles.errors.unstorable');
  if (part === 'title') {
    return tooBig(problem.code) ? t('circles.errors.titleLong') : t('circles.errors.title');
  }
  if (part === 'dueOn') {
    if (problem.code === 'due_in_past') return t('circles.errors.duePast');
    return t('circles.errors.dueOn');
  }
  if (part === 'owner' || part.startsWith('owner.')) return t('circles.errors.owner');
  if (part === 'description') return t('circles.errors.descriptionLong');
  return circleFieldMessage(t, problem);
}
