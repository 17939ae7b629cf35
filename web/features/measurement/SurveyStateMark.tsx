import { useTranslation } from 'react-i18next';
import type { SurveyState } from '../../../shared/measurement/contract.ts';

/** A survey's state in words, beside a dot: never a colour alone. */
export function SurveyStateMark({ state }: { state: SurveyState }) {
  const { t } = useTranslation();
  return (
    <span className={`survey-state survey-state--${state}`}>
      <span className="survey-state__dot" aria-hidden="true" />
      {t(`measurement.states.${state}`)}
    </span>
  );
}
