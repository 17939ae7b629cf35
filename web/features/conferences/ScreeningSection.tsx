import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { screenReferral } from '../../../shared/conferences/eligibility.ts';
import type { CaseCommandType } from '../../../shared/conferences/machine.ts';
import type { HarmRule } from '../../../shared/conferences/names.ts';
import { runTransition } from './api.ts';
import { useHarmLabel } from './labels.ts';
import { offers } from './offers.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { EligibilityForm, SafetyForm } from './ScreeningForms.tsx';
import { StepButton, Waiting } from './StepButton.tsx';

/** The oversight reviewer's word on a misconduct case's screening, or that it is awaited. */
function SignOffStatus({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const word = detail.signOff.screening;
  if (word === null) {
    const complete = detail.eligibility !== null && detail.safety !== null;
    return (
      <>
        {complete
          ? t('conferences.screening.signOff.waiting')
          : t('conferences.screening.signOff.afterScreening')}
      </>
    );
  }
  return (
    <>
      {word.approved
        ? t('conferences.screening.signOff.approved')
        : t('conferences.screening.signOff.returned')}
      {word.comment ? <span className="conference-words case-quote">{word.comment}</span> : null}
    </>
  );
}

/**
 * Screening: the program's rule for this kind of harm, the coordinator's findings on
 * eligibility, safety and voluntariness, the oversight sign-off of a misconduct case, and the
 * decision: accept, or route back with a reason.
 */
export function ScreeningSection({
  detail,
  rules,
}: {
  detail: CaseDetail;
  /** The program's rules, when the reader may read them. */
  rules: readonly HarmRule[] | undefined;
}) {
  const { t } = useTranslation();
  const harmLabel = useHarmLabel();
  const may = (command: CaseCommandType) => offers(detail, command);
  const screening = rules ? screenReferral(rules, detail.harmType) : null;
  const { eligibility, safety } = detail;
  return (
    <section id="case-screening" className="case-section" aria-labelledby="case-screening-heading">
      <h2 id="case-screening-heading">{t('conferences.screening.heading')}</h2>
      <dl className="case-facts">
        {screening ? (
          <div>
            <dt>{t('conferences.screening.rule')}</dt>
            <dd>
              {t(`conferences.screening.verdicts.${screening.verdict}`, {
                harm: harmLabel(detail.harmType, detail.harmLabel),
              })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('conferences.screening.eligibilityHeading')}</dt>
          <dd>
            {eligibility ? (
              <>
                {t(`conferences.screening.eligible.${eligibility.eligible ? 'yes' : 'no'}`)}
                <span className="conference-words case-quote">{eligibility.reason}</span>
              </>
            ) : (
              t('conferences.screening.notYet')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('conferences.screening.safetyHeading')}</dt>
          <dd>
            {safety ? (
              <>
                {t(`conferences.screening.safe.${safety.safe ? 'yes' : 'no'}`)}.{' '}
                {t(`conferences.screening.voluntary.${safety.voluntary ? 'yes' : 'no'}`)}.
              </>
            ) : (
              t('conferences.screening.notYet')
            )}
          </dd>
        </div>
        {detail.misconduct ? (
          <div>
            <dt>{t('conferences.screening.signOff.heading')}</dt>
            <dd>
              <SignOffStatus detail={detail} />
            </dd>
          </div>
        ) : null}
      </dl>
      {may('begin_screening') ? (
        <StepButton
          caseId={detail.id}
          command={{ type: 'begin_screening' }}
          label={t('conferences.screening.begin')}
          done={t('conferences.screening.begun')}
          help={t('conferences.screening.beginHelp')}
        />
      ) : null}
      {may('record_eligibility') ? <EligibilityForm detail={detail} /> : null}
      {may('record_safety') ? <SafetyForm detail={detail} /> : null}
      {detail.misconduct &&
      detail.stage === 'screening' &&
      eligibility &&
      safety &&
      !detail.signOff.screening?.approved ? (
        <Waiting>{t('conferences.screening.signOff.waitingHelp')}</Waiting>
      ) : null}
      {may('accept') || may('route_back') ? (
        <div className="case-subsection">
          <h3>{t('conferences.screening.decisionHeading')}</h3>
          {may('accept') ? (
            <StepButton
              caseId={detail.id}
              command={{ type: 'accept' }}
              label={t('conferences.screening.accept')}
              done={t('conferences.screening.accepted')}
              help={t('conferences.screening.acceptHelp')}
            />
          ) : null}
          {may('route_back') ? (
            <ReasonDialog
              label={t('conferences.screening.routeBack')}
              title={t('conferences.screening.routeBackTitle')}
              body={t('conferences.screening.routeBackBody')}
              reasonLabel={t('conferences.screening.routeBackReason')}
              reasonHelp={t('conferences.screening.routeBackReasonHelp')}
              confirm={t('conferences.screening.routeBackConfirm')}
              done={t('conferences.screening.routedBack')}
              triggerVariant="secondary"
              send={(reason) => runTransition(detail.id, { type: 'route_back', reason })}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
