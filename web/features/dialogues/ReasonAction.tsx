import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { dialogueFieldMessage } from './field-messages.ts';

/**
 * An action that takes a few words first (report a statement, respond as an officer, reject,
 * hide, block): a dialog says what will happen and takes the words. A refusal shows in the
 * dialog with the words still in place; success closes it and says so in a toast.
 */
export function ReasonAction({
  label,
  ariaLabel,
  title,
  body,
  fieldLabel,
  fieldHelp,
  field = 'reason',
  confirm,
  done,
  variant = 'secondary',
  triggerVariant = variant,
  send,
  onDone,
}: {
  label: string;
  /** A fuller name for the trigger when a list repeats it ("Reject" which statement?). */
  ariaLabel?: string;
  title: string;
  body: string;
  fieldLabel: string;
  fieldHelp?: string;
  /** The body's field the server names in its problems. */
  field?: 'reason' | 'text';
  confirm: string;
  done: string;
  variant?: ButtonVariant;
  triggerVariant?: ButtonVariant;
  send: (words: string) => Promise<unknown>;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [words, setWords] = useState('');
  const problems = useFormProblems({ [field]: inputId });
  const mutation = useMutation({ mutationFn: () => send(words) });
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
                setWords('');
                close();
                showToast({ title: done });
                onDone?.();
              },
              onError: (error) =>
                problems.showFailure(error, {
                  // A response's words are named `text`, as a statement's are; its limit differs.
                  fieldMessage: (_field, problem) =>
                    dialogueFieldMessage(
                      t,
                      field === 'text' ? { ...problem, field: 'response' } : problem,
                    ),
                }),
            });
          }
          return (
            <>
              <p>{body}</p>
              {problems.summary}
              <Form onSubmit={onSubmit} validationBehavior="aria">
                <TextField
                  id={inputId}
                  label={fieldLabel}
                  description={fieldHelp}
                  multiline
                  value={words}
                  onChange={setWords}
                  errorMessage={problems.error(field)}
                />
                <div className="form-actions">
                  <Button type="submit" variant={variant} isBusy={mutation.isPending}>
                    {confirm}
                  </Button>
                  <Button variant="quiet" onPress={close}>
                    {t('dialogues.cancel')}
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
