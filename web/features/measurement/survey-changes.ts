import type {
  SupportedLanguage,
  SurveyDetail,
  UpdateSurveyBody,
} from '../../../shared/measurement/contract.ts';
import { instantToLocal, localToInstant } from '../dialogues/figures.ts';

// The "Change the title or closing date" form: it starts from the survey as it is and sends only
// what changed, so that the audit trail names the fields that really changed.

export interface SurveyChanges {
  title: Partial<Record<SupportedLanguage, string>>;
  /** A datetime-local value in the device's time; empty: open until someone closes it. */
  closesAt: string;
}

type Changeable = Pick<SurveyDetail, 'title' | 'closesAt' | 'languages'>;

export function changesFormOf(survey: Changeable): SurveyChanges {
  return {
    title: { ...survey.title },
    closesAt: survey.closesAt ? instantToLocal(new Date(survey.closesAt)) : '',
  };
}

/** The PATCH body: the title when any of its languages changed, and the closing date; {} if none. */
export function changedFields(survey: Changeable, form: SurveyChanges): UpdateSurveyBody {
  const now = changesFormOf(survey);
  const body: UpdateSurveyBody = {};
  const titleChanged = survey.languages.some(
    (language) => (form.title[language] ?? '') !== (now.title[language] ?? ''),
  );
  if (titleChanged) {
    const title: Partial<Record<SupportedLanguage, string>> = {};
    for (const language of survey.languages) {
      const words = form.title[language];
      if (words !== undefined && words.trim() !== '') title[language] = words;
    }
    body.title = title;
  }
  if (form.closesAt !== now.closesAt) {
    body.closesAt = form.closesAt.trim() === '' ? null : localToInstant(form.closesAt);
  }
  return body;
}
