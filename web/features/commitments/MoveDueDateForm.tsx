import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CommitmentDetail } from '../../../shared/commitments/contract.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { moveDueDate } from './api.ts';
import { commitmentFieldMessage } from './field-messages.ts';
import { useCommitmentChange } from './useCommitmentChange.ts';

const fieldIds = { dueOn: 'move-due-on', reason: 'move-reason' } as const;

/** A coordinator moves the due day, saying why: the reason goes on the public timeline too. */
export function MoveDueDateForm({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const [opened, setOpened] = useState(false);
  // Once the panel closes, focus goes back to the button that opened it.
  const [closedByUser, setClosedByUser] = useState(false);
  const [dueOn, setDueOn] = useState(commitment.dueOn);
  const [reason, setReason] = useState('');
  const problems = useFormProblems(fieldIds);
  const mutation = useCommitmentChange(commitment.id, moveDueDate);

  function close() {
    problems.clear();
    setOpened(false);
    setClosedByUser(true);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(
      { dueOn, reason },
      {
        onSuccess: (moved) => {
          setReason('');
          close();
          showToast({ title: t('commitments.move.moved', { day: formatDay(moved.dueOn) }) });
        },
        onError: (error) =>
          problems.showFailure(error, {
            fieldMessage: (_field, problem) => commitmentFieldMessage(t, problem),
          }),
      },
    );
  }

  if (!opened) {
    return (
      <Button variant="secondary" autoFocus={closedByUser} onPress={() => setOpened(true)}>
        {t('commitments.move.open')}
      </Button>
    );
  }
  return (
    <section className="commitment-panel" aria-labelledby="move-heading">
      <h2 id="move-heading">{t('commitments.move.heading')}</h2>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <DateField
          id={fieldIds.dueOn}
          label={t('commitments.move.dueOn')}
          value={dueOn}
          onChange={setDueOn}
          errorMessage={problems.error('dueOn')}
        />
        <TextField
          id={fieldIds.reason}
          label={t('commitments.move.reason')}
          description={t('commitments.move.reasonHelp')}
          multiline
          isRequired
          value={reason}
          onChange={setReason}
          errorMessage={problems.error('reason')}
        />
        <FormActions
          submit={t('commitments.move.submit')}
          isBusy={mutation.isPending}
          cancel={{ label: t('commitments.new.cancel'), onPress: close }}
        />
      </Form>
    </section>
  );
}
