import type { TFunction } from 'i18next';
import { POLICE_TITLE_CODE } from '../../../shared/people/police-titles.ts';
import type { FieldProblem } from '../../app/api.ts';

// The server's field messages are English; the youth forms show them in the reader's language,
// chosen by the field and zod's stable code. A message this page does not know is shown in the
// server's words rather than not at all.

const tooSmall = (code: string | undefined) => code === 'too_small';
const tooBig = (code: string | undefined) => code === 'too_big';

/** The message for one field problem of the settings form or the form that adds a young person. */
export function youthFieldMessage(
  t: TFunction,
  problem: FieldProblem,
  /** The program's ages, for an age band outside them. */
  ages?: { min: number; max: number },
): string {
  const { field, code } = problem;
  switch (field) {
    case 'minAge':
      return t('youth.program.errors.ageRange');
    case 'maxAge':
      return code === 'custom'
        ? t('youth.program.errors.maxBelowMin')
        : t('youth.program.errors.ageRange');
    case 'safeguardingLeadId':
      return code === 'not_staff'
        ? t('youth.program.errors.leadNotStaff')
        : t('youth.program.errors.lead');
    case 'retentionDays':
      if (tooSmall(code)) return t('youth.program.errors.retentionShort');
      if (tooBig(code)) return t('youth.program.errors.retentionLong');
      return t('youth.program.errors.days');
    case 'consentValidDays':
      if (tooSmall(code)) return t('youth.program.errors.consentShort');
      if (tooBig(code)) return t('youth.program.errors.consentLong');
      return t('youth.program.errors.days');
    case 'aboutForGuardians':
      return tooBig(code)
        ? t('youth.program.errors.aboutLong')
        : t('youth.program.errors.aboutShort');
    case 'displayName':
      if (code === POLICE_TITLE_CODE) return t('forms.policeTitle');
      return tooBig(code) ? t('youth.program.errors.nameLong') : t('youth.program.errors.name');
    case 'ageBand':
      return code === 'outside_range' && ages
        ? t('youth.program.errors.bandOutside', ages)
        : t('youth.program.errors.band');
    case 'guardian':
      return t('youth.program.errors.guardianRequired');
    case 'guardian.name':
      return tooBig(code)
        ? t('youth.program.errors.guardianNameLong')
        : t('youth.program.errors.guardianName');
    case 'guardian.email':
      return t('youth.program.errors.guardianEmail');
  }
  return problem.message;
}
