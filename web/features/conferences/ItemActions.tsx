import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AgreementItem, CaseDetail } from '../../../shared/conferences/contract.ts';
import type { CaseCommandType } from '../../../shared/conferences/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { recordPayment, removeItem, reopenItem, settleItem } from './api.ts';
import { localToday } from './days.ts';
import { ActionProblem } from './marks.tsx';
import { centsFrom } from './money.ts';
import { offers } from './offers.ts';
import { PublishForm } from './PublishForm.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { useActionProblem, useCaseChange, useFailureOptions } from './useCaseChange.ts';

/** A payment made towards a restitution: its day and amount. */
function PaymentForm({ caseId, item }: { caseId: string; item: AgreementItem }) {
  const { t } = useTranslation();
  const ids = { paidOn: `payment-${item.id}-day`, amountCents: `payment-${item.id}-amount` };
  const [paidOn, setPaidOn] = useState(localToday());
  const [amount, setAmount] = useState('');
  const problems = useFormProblems(ids);
  const failure = useFailureOptions<keyof typeof ids>();
  const mutation = useCaseChange(
    () => recordPayment(caseId, item.id, { paidOn, amountCents: centsFrom(amount) }),
    t('conferences.items.paymentRecorded'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: () => {
        problems.clear();
        setAmount('');
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <details className="item-disclosure">
      <summary>{t('conferences.items.recordPayment')}</summary>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <DateField
          id={ids.paidOn}
          label={t('conferences.items.paidOn')}
          value={paidOn}
          onChange={setPaidOn}
          errorMessage={problems.error('paidOn')}
        />
        <TextField
          id={ids.amountCents}
          className="field--short"
          label={t('conferences.items.paidAmount')}
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          errorMessage={problems.error('amountCents')}
        />
        <FormActions submit={t('conferences.items.savePayment')} isBusy={mutation.isPending} />
      </Form>
    </details>
  );
}

/** "Done": the item was carried out as agreed. */
function DoneButton({ caseId, item }: { caseId: string; item: AgreementItem }) {
  const { t } = useTranslation();
  const problem = useActionProblem();
  const mutation = useCaseChange(
    () => settleItem(caseId, item.id, { status: 'done', reason: '' }),
    t('conferences.items.settled'),
  );
  return (
    <>
      <Button
        isBusy={mutation.isPending}
        aria-label={t('conferences.items.doneFor', {
          kind: t(`conferences.itemKinds.${item.kind}`),
        })}
        onPress={() => {
          if (mutation.isPending) return;
          problem.clear();
          mutation.mutate(undefined, { onError: problem.show });
        }}
      >
        {t('conferences.items.done')}
      </Button>
      <ActionProblem message={problem.message} />
    </>
  );
}

/** What the team may do with one item now: payments, settling, reopening, removing, publishing. */
export function ItemActions({ detail, item }: { detail: CaseDetail; item: AgreementItem }) {
  const { t } = useTranslation();
  if (!detail.canChange) return null;
  const may = (command: CaseCommandType) => offers(detail, command);
  const kind = t(`conferences.itemKinds.${item.kind}`);
  const open = item.status === 'open';
  return (
    <div className="item-actions">
      {item.restitution && open && detail.stage === 'monitoring' ? (
        <PaymentForm caseId={detail.id} item={item} />
      ) : null}
      <div className="item-actions__buttons">
        {may('settle_item') && open ? (
          <>
            <DoneButton caseId={detail.id} item={item} />
            <ReasonDialog
              label={t('conferences.items.notDone')}
              ariaLabel={t('conferences.items.notDoneFor', { kind })}
              title={t('conferences.items.notDoneTitle')}
              body={t('conferences.items.notDoneBody')}
              reasonLabel={t('conferences.items.notDoneReason')}
              confirm={t('conferences.items.notDoneConfirm')}
              done={t('conferences.items.settled')}
              triggerVariant="secondary"
              send={(reason) => settleItem(detail.id, item.id, { status: 'not_done', reason })}
            />
          </>
        ) : null}
        {may('reopen_item') && !open ? (
          <ReasonDialog
            label={t('conferences.items.reopen')}
            ariaLabel={t('conferences.items.reopenFor', { kind })}
            title={t('conferences.items.reopenTitle')}
            body={t('conferences.items.reopenBody')}
            reasonLabel={t('conferences.items.reopenReason')}
            confirm={t('conferences.items.reopenConfirm')}
            done={t('conferences.items.reopened')}
            variant="primary"
            triggerVariant="secondary"
            send={(reason) => reopenItem(detail.id, item.id, reason)}
          />
        ) : null}
        {may('remove_item') ? (
          <ReasonDialog
            label={t('conferences.items.remove')}
            ariaLabel={t('conferences.items.removeFor', { kind })}
            title={t('conferences.items.removeTitle')}
            body={t('conferences.items.removeBody')}
            reasonLabel={t('conferences.items.removeReason')}
            confirm={t('conferences.items.removeConfirm')}
            done={t('conferences.items.removed')}
            send={(reason) => removeItem(detail.id, item.id, reason)}
          />
        ) : null}
      </div>
      {item.publication.commitmentId || (open && detail.stage === 'monitoring') ? (
        <PublishForm detail={detail} item={item} />
      ) : null}
    </div>
  );
}
