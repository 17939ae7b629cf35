import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseCommandBody, CaseDetail } from '../../../shared/conferences/contract.ts';
import type { CaseCommandType } from '../../../shared/conferences/machine.ts';
import { type Outcome, outcomesFrom } from '../../../shared/conferences/machine.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { runTransition } from './api.ts';
import { offers } from './offers.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { Waiting } from './StepButton.tsx';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = { outcome: 'closure-outcome', reason: 'closure-reason' } as const;
type Field = keyof typeof fieldIds;

function CloseForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const choices = outcomesFrom(detail.stage);
  const [outcome, setOutcome] = useState<Outcome | null>(
    choices.length === 1 ? (choices[0] ?? null) : null,
  );
  const [reason, setReason] = useState('');
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useCaseChange(
    (body: CaseCommandBody) => runTransition(detail.id, body),
    detail.misconduct ? t('conferences.closure.requested') : t('conferences.closure.closed'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ type: 'close', outcome: outcome ?? undefined, reason } as CaseCommandBody, {
      onSuccess: () => {
        problems.clear();
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <div className="case-subsection">
      <h3>{t('conferences.closure.closeHeading')}</h3>
      {detail.misconduct ? <p>{t('conferences.closure.misconductNote')}</p> : null}
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <RadioGroup
          id={fieldIds.outcome}
          label={t('conferences.closure.outcome')}
          layout="stack"
          value={outcome}
          onChange={(value) => setOutcome(value as Outcome)}
          errorMessage={problems.error('outcome')}
          options={choices.map((value) => ({
            value,
            label: t(`conferences.outcomes.${value}`),
          }))}
        />
        <TextField
          id={fieldIds.reason}
          label={t('conferences.closure.reason')}
          description={t('conferences.closure.reasonHelp')}
          multiline
          value={reason}
          onChange={setReason}
          errorMessage={problems.error('reason')}
        />
        <FormActions
          submit={
            detail.misconduct ? t('conferences.closure.request') : t('conferences.closure.close')
          }
          isBusy={mutation.isPending}
        />
      </Form>
    </div>
  );
}

/** How the case ended (or is to end), the reviewer's word on it, and the ways to close or reopen. */
export function ClosureSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const may = (command: CaseCommandType) => offers(detail, command);
  const returned = detail.signOff.closure && !detail.signOff.closure.approved;
  return (
    <section id="case-closure" className="case-section" aria-labelledby="case-closure-heading">
      <h2 id="case-closure-heading">{t('conferences.closure.heading')}</h2>
      {detail.outcome ? (
        <dl className="case-facts">
          <div>
            <dt>{t('conferences.closure.outcome')}</dt>
            <dd>{t(`conferences.outcomes.${detail.outcome.outcome}`)}</dd>
          </div>
          {detail.outcome.reason ? (
            <div>
              <dt>{t('conferences.closure.reason')}</dt>
              <dd className="conference-words">{detail.outcome.reason}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {detail.pendingClosure ? (
        <Waiting>
          {t('conferences.closure.pending', {
            outcome: t(`conferences.outcomes.${detail.pendingClosure.outcome}`),
          })}
        </Waiting>
      ) : null}
      {returned && detail.signOff.closure ? (
        <p className="case-notice">
          {t('conferences.closure.returned')}{' '}
          <span className="conference-words">{detail.signOff.closure.comment}</span>
        </p>
      ) : null}
      {!detail.outcome && !detail.pendingClosure && !may('close') ? (
        <p>{t('conferences.closure.open')}</p>
      ) : null}
      {may('close') && !detail.pendingClosure ? <CloseForm detail={detail} /> : null}
      {may('reopen') ? (
        <ReasonDialog
          label={t('conferences.closure.reopen')}
          title={t('conferences.closure.reopenTitle')}
          body={t('conferences.closure.reopenBody')}
          reasonLabel={t('conferences.closure.reopenReason')}
          confirm={t('conferences.closure.reopenConfirm')}
          done={t('conferences.closure.reopened')}
          variant="primary"
          triggerVariant="secondary"
          send={(reason) => runTransition(detail.id, { type: 'reopen', reason })}
        />
      ) : null}
    </section>
  );
}
