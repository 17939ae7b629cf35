import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

/**
 * An action that asks for a reason first (remove a party, record a withdrawal, reopen an item):
 * a dialog says what will happen and takes the reason. A refusal shows in the dialog, with the
 * words still in place.
 */
export function ReasonDialog({
  label,
  ariaLabel,
  title,
  body,
  reasonLabel,
  reasonHelp,
  confirm,
  done,
  variant = 'danger',
  triggerVariant = variant,
  send,
}: {
  label: string;
  /** A fuller name for the trigger when a list repeats it ("Remove" whom?). */
  ariaLabel?: string;
  title: string;
  body: string;
  reasonLabel: string;
  reasonHelp?: string;
  confirm: string;
  done: string;
  variant?: ButtonVariant;
  triggerVariant?: ButtonVariant;
  send: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const problems = useFormProblems({ reason: 'reason-dialog-reason' });
  const failure = useFailureOptions<'reason'>();
  const mutation = useCaseChange(() => send(reason), done);
  return (
    <DialogTrigger>
      <Button variant={triggerVariant} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog title={title}>
        {(close) => {
          function onSubmit(event: FormEvent<HTMLFormElement>) {
            event.preventDefault();
            if (mutation.isPending) return;
            mutation.mutate(undefined, {
              onSuccess: () => {
                problems.clear();
                setReason('');
                close();
              },
              onError: (error) => problems.showFailure(error, failure),
            });
          }
          return (
            <>
              <p>{body}</p>
              {problems.summary}
              <Form onSubmit={onSubmit} validationBehavior="aria">
                <TextField
                  id="reason-dialog-reason"
                  label={reasonLabel}
                  description={reasonHelp}
                  multiline
                  value={reason}
                  onChange={setReason}
                  errorMessage={problems.error('reason')}
                />
                <div className="form-actions">
                  <Button type="submit" variant={variant} isBusy={mutation.isPending}>
                    {confirm}
                  </Button>
                  <Button variant="quiet" onPress={close}>
                    {t('conferences.case.cancel')}
                  </Button>
                </div>
              </Form>
            </>
          );
        }}
      </Dialog>
    </DialogTrigger>
  );
}
