import type { TFunction } from 'i18next';
import {
  DESCRIPTION_MAX,
  EVIDENCE_LINKS_MAX,
  EVIDENCE_TEXT_MAX,
  LATEST_DUE_YEARS,
  OWNER_UNIT_MAX,
  REASON_MAX,
  SOURCE_LABEL_MAX,
  TITLE_MAX,
} from '../../../shared/commitments/contract.ts';
import type { FieldProblem } from '../../app/api.ts';

// The server's field messages are English; the register's forms show them in the reader's
// language, chosen by the field and its stable code, with the contract's own limits. A message
// this page does not know is shown in the server's words rather than not at all.

/** The message for one field problem of any commitment form, in the reader's language. */
export function commitmentFieldMessage(t: TFunction, problem: FieldProblem): string {
  const { field, code } = problem;
  const tooLong = code === 'too_big';
  if (field === 'title') {
    return tooLong
      ? t('commitments.errors.titleLong', { max: TITLE_MAX })
      : t('commitments.errors.titleShort');
  }
  if (field === 'description') {
    return t('commitments.errors.descriptionLong', { max: DESCRIPTION_MAX });
  }
  if (field === 'sourceLabel') {
    return t('commitments.errors.sourceLabelLong', { max: SOURCE_LABEL_MAX });
  }
  if (field === 'owner.unit') return t('commitments.errors.unitLong', { max: OWNER_UNIT_MAX });
  if (field === 'owner' || field.startsWith('owner.')) return t('commitments.errors.owner');
  if (field === 'dueOn') {
    if (code === 'due_in_past') return t('commitments.errors.duePast');
    if (code === 'due_too_far') {
      return t('commitments.errors.dueTooFar', { years: LATEST_DUE_YEARS });
    }
    return t('commitments.errors.dueOn');
  }
  if (field === 'visibility') return t('commitments.errors.visibility');
  if (field === 'reason') {
    return tooLong
      ? t('commitments.errors.reasonLong', { max: REASON_MAX })
      : t('commitments.errors.reasonNeeded');
  }
  if (field === 'note') return t('commitments.errors.noteLong', { max: REASON_MAX });
  if (field === 'percent') return t('commitments.errors.percent');
  if (field === 'evidence.text') {
    return t('commitments.errors.evidenceLong', { max: EVIDENCE_TEXT_MAX });
  }
  if (field === 'evidence.links') {
    return t('commitments.errors.tooManyLinks', { max: EVIDENCE_LINKS_MAX });
  }
  if (field.startsWith('evidence.links.')) return t('commitments.errors.link');
  // The refinement that asks for something to send, and the rules' own refusals (which the
  // forms mostly prevent, but another person may have changed the commitment meanwhile).
  if (field === 'status' && code === 'custom') return t('commitments.errors.nothingToSave');
  const byCode: Partial<Record<string, string>> = {
    same_status: t('commitments.errors.sameStatus'),
    finished: t('commitments.errors.finished'),
    not_done: t('commitments.errors.notDone'),
    already_verified: t('commitments.errors.alreadyVerified'),
    evidence_empty: t('commitments.errors.evidenceEmpty'),
  };
  return (code && byCode[code]) ?? problem.message;
}
