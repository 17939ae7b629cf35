import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { raiseConcern } from './concerns-api.ts';
import '../../ui/form.css';

// A concern in a young person's own words, sent to the program's safeguarding lead alone. On a
// failure everything typed stays in the box, with what to do beside it.

type FieldProblem = 'short' | 'long';
type SendProblem = 'network' | 'failed' | 'signedOut';

interface Problem {
  field?: FieldProblem;
  send?: SendProblem;
}

function problemOf(error: unknown): Problem {
  if (error instanceof NetworkError) return { send: 'network' };
  if (error instanceof ApiError) {
    if (error.status === 401) return { send: 'signedOut' };
    const body = error.fieldProblems.find((problem) => problem.field === 'body');
    if (body) return { field: body.code === 'too_big' ? 'long' : 'short' };
  }
  return { send: 'failed' };
}

export function RaiseConcern({ programId, leadName }: { programId: string; leadName: string }) {
  const { t } = useTranslation();
  const fieldId = `concern-${programId}`;
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<Problem>({});
  const [sent, setSent] = useState(false);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const mutation = useMutation({ mutationFn: () => raiseConcern(programId, { body }) });

  // Said where the form was, and focused, so that a screen reader announces it.
  useLayoutEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: () => {
        setProblem({});
        setBody('');
        setSent(true);
      },
      onError: (error) => {
        const found = problemOf(error);
        setProblem(found);
        if (found.field) document.getElementById(fieldId)?.focus();
      },
    });
  }

  if (sent) {
    return (
      <div className="concern-sent">
        <p ref={confirmation} tabIndex={-1} className="young-status young-status--ready">
          {t('youthConcerns.raise.sent', { lead: leadName })}
        </p>
        <p>{t('youthConcerns.raise.sentNext')}</p>
        <Button variant="secondary" onPress={() => setSent(false)}>
          {t('youthConcerns.raise.another', { lead: leadName })}
        </Button>
      </div>
    );
  }

  const sendProblem =
    problem.send === 'signedOut'
      ? t('forms.signedOut')
      : problem.send && t(`youthConcerns.raise.errors.${problem.send}`);
  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form concern-raise">
      <TextField
        id={fieldId}
        label={t('youthConcerns.raise.label')}
        description={t('youthConcerns.raise.help', { lead: leadName })}
        multiline
        value={body}
        onChange={setBody}
        errorMessage={
          problem.field && t(`youthConcerns.raise.errors.${problem.field}`, { lead: leadName })
        }
      />
      {sendProblem ? (
        <p role="alert" className="young-status young-status--problem">
          {sendProblem}
        </p>
      ) : null}
      <FormActions submit={t('youthConcerns.raise.send')} isBusy={mutation.isPending} />
    </Form>
  );
}
