import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../app/api.ts';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure, type FailureOptions } from '../../ui/useFormProblems.tsx';
import { conferencesKey } from './api.ts';
import { conferenceFieldMessage } from './field-messages.ts';
import { useRefusalWords } from './labels.ts';

/**
 * A change to a case (or a program's conferences): once the server took it, every conference
 * read is fetched again (the case page with its timeline, the board, the party's page), and the
 * mutation stays pending until then, so that a button is busy until the page shows the result.
 * `done` is then said in a toast: here rather than in the caller, whose form the new state may
 * have taken off the page by then.
 */
export function useCaseChange<Body, Answer>(
  send: (body: Body) => Promise<Answer>,
  done?: string | ((body: Body) => string),
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (_answer, body) => {
      await queryClient.invalidateQueries({ queryKey: conferencesKey });
      if (done !== undefined) showToast({ title: typeof done === 'string' ? done : done(body) });
    },
  });
}

/**
 * How the conferences' forms read a failure: a refused step (409) in the workflow's words, and
 * field messages in the reader's language.
 */
export function useFailureOptions<F extends string>(): FailureOptions<F> {
  const { t } = useTranslation();
  const refusal = useRefusalWords();
  return {
    statusMessage: refusal,
    fieldMessage: (_field: F, problem: FieldProblem) => conferenceFieldMessage(t, problem),
  };
}

/**
 * The words under one button when what it asked for failed: the refusal's reason (409), or a
 * calm word about the connection. Cleared when the next attempt starts.
 */
export function useActionProblem() {
  const { t } = useTranslation();
  const options = useFailureOptions();
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    clear: () => setMessage(null),
    show: (error: unknown) =>
      setMessage(describeFailure(t, error, {}, options).message ?? t('forms.failed')),
  };
}
