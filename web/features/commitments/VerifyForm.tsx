import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CommitmentDetail } from '../../../shared/commitments/contract.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { mainId } from '../../ui/Layout.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { verifyCompletion } from './api.ts';
import { commitmentFieldMessage } from './field-messages.ts';
import { useCommitmentChange } from './useCommitmentChange.ts';

const fieldIds = { note: 'verify-note' } as const;

/** A coordinator confirms that a commitment marked done was done, with an optional note. */
export function VerifyForm({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const problems = useFormProblems(fieldIds);
  const mutation = useCommitmentChange(commitment.id, verifyCompletion);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(
      { note },
      {
        onSuccess: () => {
          // This form goes away once it is verified: focus moves to the page's heading, not lost.
          document.getElementById(mainId)?.querySelector<HTMLElement>('h1')?.focus();
          showToast({ title: t('commitments.verify.verified') });
        },
        onError: (error) =>
          problems.showFailure(error, {
            fieldMessage: (_field, problem) => commitmentFieldMessage(t, problem),
          }),
      },
    );
  }

  return (
    <section className="commitment-panel commitment-panel--verify" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('commitments.verify.heading')}</h2>
      <p>{t('commitments.verify.lead')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={fieldIds.note}
          label={t('commitments.verify.note')}
          description={t('commitments.verify.noteHelp')}
          multiline
          value={note}
          onChange={setNote}
          errorMessage={problems.error('note')}
        />
        <FormActions submit={t('commitments.verify.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}
