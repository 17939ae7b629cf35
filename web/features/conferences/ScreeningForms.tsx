import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseCommandBody, CaseDetail } from '../../../shared/conferences/contract.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { runTransition } from './api.ts';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

type YesNo = 'yes' | 'no';
const yesNo = (value: boolean | undefined): YesNo | null =>
  value === undefined ? null : value ? 'yes' : 'no';

function useYesNoOptions(prefix: 'eligible' | 'safe' | 'voluntary') {
  const { t } = useTranslation();
  return (['yes', 'no'] as const).map((value) => ({
    value,
    label: t(`conferences.screening.${prefix}.${value}`),
  }));
}

/** A transition with words, sent as typed; its problems shown beside its fields. */
function useTransitionForm<F extends string>(
  caseId: string,
  fieldIds: Record<F, string>,
  done: string,
) {
  const problems = useFormProblems(fieldIds);
  const failure = useFailureOptions<F>();
  const mutation = useCaseChange((body: CaseCommandBody) => runTransition(caseId, body), done);
  const send = (body: CaseCommandBody) => {
    if (mutation.isPending) return;
    mutation.mutate(body, {
      onSuccess: problems.clear,
      onError: (error) => problems.showFailure(error, failure),
    });
  };
  return { problems, send, busy: mutation.isPending };
}

/** Whether the case is eligible under the program's rules, and why, in the coordinator's words. */
export function EligibilityForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [eligible, setEligible] = useState<YesNo | null>(yesNo(detail.eligibility?.eligible));
  const [reason, setReason] = useState(detail.eligibility?.reason ?? '');
  const form = useTransitionForm(
    detail.id,
    { eligible: 'screening-eligible', reason: 'screening-reason' },
    t('conferences.screening.eligibilityRecorded'),
  );
  const options = useYesNoOptions('eligible');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.send({
      type: 'record_eligibility',
      eligible: eligible === null ? undefined : eligible === 'yes',
      reason,
    } as CaseCommandBody);
  }

  return (
    <div className="case-subsection">
      <h3>{t('conferences.screening.eligibilityHeading')}</h3>
      {form.problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <RadioGroup
          id="screening-eligible"
          label={t('conferences.screening.eligible.label')}
          value={eligible}
          onChange={(value) => setEligible(value as YesNo)}
          errorMessage={form.problems.error('eligible')}
          options={options}
        />
        <TextField
          id="screening-reason"
          label={t('conferences.screening.reason')}
          description={t('conferences.screening.reasonHelp')}
          multiline
          value={reason}
          onChange={setReason}
          errorMessage={form.problems.error('reason')}
        />
        <FormActions submit={t('conferences.screening.recordEligibility')} isBusy={form.busy} />
      </Form>
    </div>
  );
}

/** Whether a conference would be safe, and whether every party comes of their own will. */
export function SafetyForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [safe, setSafe] = useState<YesNo | null>(yesNo(detail.safety?.safe));
  const [voluntary, setVoluntary] = useState<YesNo | null>(yesNo(detail.safety?.voluntary));
  const form = useTransitionForm(
    detail.id,
    { safe: 'screening-safe', voluntary: 'screening-voluntary' },
    t('conferences.screening.safetyRecorded'),
  );
  const safeOptions = useYesNoOptions('safe');
  const voluntaryOptions = useYesNoOptions('voluntary');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.send({
      type: 'record_safety',
      safe: safe === null ? undefined : safe === 'yes',
      voluntary: voluntary === null ? undefined : voluntary === 'yes',
    } as CaseCommandBody);
  }

  return (
    <div className="case-subsection">
      <h3>{t('conferences.screening.safetyHeading')}</h3>
      {form.problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <RadioGroup
          id="screening-safe"
          label={t('conferences.screening.safe.label')}
          value={safe}
          onChange={(value) => setSafe(value as YesNo)}
          errorMessage={form.problems.error('safe')}
          options={safeOptions}
        />
        <RadioGroup
          id="screening-voluntary"
          label={t('conferences.screening.voluntary.label')}
          value={voluntary}
          onChange={(value) => setVoluntary(value as YesNo)}
          errorMessage={form.problems.error('voluntary')}
          options={voluntaryOptions}
        />
        <FormActions submit={t('conferences.screening.recordSafety')} isBusy={form.busy} />
      </Form>
    </div>
  );
}
