import { useTranslation } from 'react-i18next';
import type { CaseParty } from '../../../shared/conferences/contract.ts';
import {
  type CaseStage,
  caseStages,
  type ItemStatus,
} from '../../../shared/conferences/machine.ts';
import type { Urgency } from '../../../shared/conferences/names.ts';

// How a case's state reads at a glance: every mark is a word (with a shape beside it, never a
// colour alone), so that it reads the same in any theme, printed, or to a screen reader.

/** The stages as steps, the current one marked: where the case is in its whole path. */
export function StageSteps({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  const current = caseStages.indexOf(stage);
  return (
    <ol className="stage-steps" aria-label={t('conferences.case.stepsLabel')}>
      {caseStages.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'next';
        return (
          <li
            key={step}
            className={`stage-steps__step stage-steps__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stage-steps__mark" aria-hidden="true">
              {index + 1}
            </span>
            <span className="stage-steps__name">{t(`conferences.stages.${step}`)}</span>
            {state === 'done' ? (
              <span className="visually-hidden">{t('conferences.case.stepDone')}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A party withdrew consent: the case waits. */
export function PausedMark() {
  const { t } = useTranslation();
  return (
    <span className="case-mark case-mark--paused">
      <span className="case-mark__icon" aria-hidden="true">
        ‖
      </span>
      {t('conferences.marks.paused')}
    </span>
  );
}

export function MisconductMark() {
  const { t } = useTranslation();
  return (
    <span className="case-mark case-mark--misconduct">{t('conferences.marks.misconduct')}</span>
  );
}

export function UrgencyMark({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <span className={`case-mark case-mark--${urgency}`}>
      {urgency === 'urgent' ? (
        <span className="case-mark__icon" aria-hidden="true">
          !
        </span>
      ) : null}
      {t(`conferences.urgencies.${urgency}`)}
    </span>
  );
}

export function ConsentMark({ consent }: { consent: CaseParty['consent'] }) {
  const { t } = useTranslation();
  return (
    <span className={`case-mark case-mark--consent-${consent.status}`}>
      {t(`conferences.consent.${consent.status}`)}
    </span>
  );
}

export function ItemStatusMark({ status, overdue }: { status: ItemStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="case-marks">
      <span className={`case-mark case-mark--item-${status}`}>
        {t(`conferences.itemStatuses.${status}`)}
      </span>
      {overdue && status === 'open' ? (
        <span className="case-mark case-mark--overdue">
          <span className="case-mark__icon" aria-hidden="true">
            !
          </span>
          {t('conferences.marks.overdue')}
        </span>
      ) : null}
    </span>
  );
}

/** The refusal or failure of one action, right under it. */
export function ActionProblem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="case-refusal" role="alert">
      {message}
    </p>
  );
}
