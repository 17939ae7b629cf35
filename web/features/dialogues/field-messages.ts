import type { TFunction } from 'i18next';
import {
  DESCRIPTION_MAX,
  DISPLAY_NAME_MAX,
  NEIGHBOURHOOD_MAX,
  REASON_MAX,
  RESPONSE_MAX,
  SYNTHESIS_MAX,
  TITLE_MAX,
} from '../../../shared/dialogues/contract.ts';
import { STATEMENT_MAX } from '../../../shared/dialogues/statements.ts';
import type { FieldProblem } from '../../app/api.ts';

// The server's field messages are English; the dialogues' forms show them in the reader's
// language, chosen by the field and its stable code (zod's, or the statement check's), with the
// contract's own limits. A message this page does not know is shown in the server's words rather
// than not at all.

const SEEDS_MAX = 50;
const THRESHOLD_MIN = 3;
const THRESHOLD_MAX = 50;

const tooBig = (code: string | undefined) => code === 'too_big' || code === 'too_long';

/** The message for a statement's words: a participant's, or one of the facilitator's seeds. */
function statementMessage(t: TFunction, code: string | undefined): string {
  if (tooBig(code)) return t('dialogues.errors.statementLong', { max: STATEMENT_MAX });
  if (code === 'duplicate') return t('dialogues.errors.statementDuplicate');
  return t('dialogues.errors.statementEmpty');
}

/** The message for one field problem of any dialogue form but the commitment's. */
export function dialogueFieldMessage(t: TFunction, problem: FieldProblem): string {
  const { field, code } = problem;
  if (field.startsWith('seedStatements.')) return statementMessage(t, code);
  switch (field) {
    case 'title':
      return tooBig(code)
        ? t('dialogues.errors.titleLong', { max: TITLE_MAX })
        : t('dialogues.errors.title');
    case 'description':
      return t('dialogues.errors.descriptionLong', { max: DESCRIPTION_MAX });
    case 'opensAt':
      return t('dialogues.errors.dateTime');
    case 'closesAt':
      // The refinement that the dialogue closes after it opens (a change is checked against the
      // dates it keeps), or a closing time already passed.
      if (code === 'in_past') return t('dialogues.errors.closesPast');
      return code === 'custom' || code === 'closes_before_opens'
        ? t('dialogues.errors.closesFirst')
        : t('dialogues.errors.dateTime');
    case 'audience':
      return t('dialogues.errors.audience');
    case 'moderation':
      return t('dialogues.errors.moderation');
    case 'languages':
      return code === 'custom'
        ? t('dialogues.errors.languagesTwice')
        : t('dialogues.errors.languages');
    case 'seedStatements':
      return t('dialogues.errors.seedsMany', { max: SEEDS_MAX });
    case 'groupThreshold':
      return t('dialogues.errors.threshold', { min: THRESHOLD_MIN, max: THRESHOLD_MAX });
    case 'displayName':
      if (code === 'police_title') return t('forms.policeTitle');
      return tooBig(code)
        ? t('dialogues.errors.nameLong', { max: DISPLAY_NAME_MAX })
        : t('dialogues.errors.name');
    case 'neighbourhood':
      return t('dialogues.errors.neighbourhoodLong', { max: NEIGHBOURHOOD_MAX });
    case 'language':
      return t('dialogues.errors.language');
    case 'agreeToTakePart':
      return t('dialogues.errors.agree');
    case 'text':
      return statementMessage(t, code);
    case 'response':
      return tooBig(code)
        ? t('dialogues.errors.responseLong', { max: RESPONSE_MAX })
        : t('dialogues.errors.response');
    case 'reason':
      return tooBig(code)
        ? t('dialogues.errors.reasonLong', { max: REASON_MAX })
        : t('dialogues.errors.reason');
    case 'synthesis':
      return t('dialogues.errors.synthesisLong', { max: SYNTHESIS_MAX });
    case 'commentsCsv':
    case 'votesCsv':
      return tooBig(code)
        ? t('dialogues.errors.fileLarge')
        : t(`dialogues.errors.${field === 'commentsCsv' ? 'comments' : 'votes'}`);
  }
  return problem.message;
}
