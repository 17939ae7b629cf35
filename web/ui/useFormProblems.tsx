import type { TFunction } from 'i18next';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem, NetworkError } from '../app/api.ts';
import { inCurrentLanguage } from '../i18n/i18n.ts';
import { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.tsx';

// The shape every form shares: messages beside its fields and the same messages, linked, in an
// error summary at its top that takes focus on each failed attempt. A form names its fields
// once (field -> input id, in the order they appear) and hands failures to `showFailure`.

export type FieldMessages<F extends string> = Partial<Record<F, string>>;

interface State<F extends string> {
  attempt: number;
  fields: FieldMessages<F>;
  /** For a problem no field owns: no connection, a server error, a refusal. */
  message?: string;
}

export interface FailureOptions<F extends string> {
  /** The message for a field problem from the server, in the reader's language. */
  fieldMessage?: (field: F, problem: FieldProblem) => string;
  /** A message for a whole-form refusal the form knows (e.g. 401, 409); undefined: default. */
  statusMessage?: (error: ApiError) => string | undefined;
}

/** Turns a failed request into field messages and a form message. */
export function describeFailure<F extends string>(
  t: TFunction,
  error: unknown,
  fieldIds: Record<F, string>,
  options: FailureOptions<F> = {},
): { fields: FieldMessages<F>; message?: string } {
  if (error instanceof NetworkError) return { fields: {}, message: t('forms.network') };
  if (!(error instanceof ApiError)) return { fields: {}, message: t('forms.failed') };
  const known = options.statusMessage?.(error);
  if (known) return { fields: {}, message: known };
  if (error.status === 400 && error.fieldProblems.length > 0) {
    const fields: FieldMessages<F> = {};
    const others: string[] = [];
    for (const problem of error.fieldProblems) {
      if (Object.hasOwn(fieldIds, problem.field)) {
        const field = problem.field as F;
        fields[field] ??= options.fieldMessage?.(field, problem) ?? problem.message;
      } else {
        others.push(problem.message);
      }
    }
    return { fields, message: others.length > 0 ? others.join(' ') : undefined };
  }
  if (error.status === 400 && error.problem?.detail) {
    return { fields: {}, message: error.problem.detail };
  }
  if (error.status === 401) return { fields: {}, message: t('forms.signedOut') };
  if (error.status === 403) return { fields: {}, message: t('forms.forbidden') };
  if (error.status === 429) return { fields: {}, message: t('forms.tooMany') };
  return { fields: {}, message: t('forms.failed') };
}

export interface FormProblems<F extends string> {
  /** The message for one field, for its `errorMessage`. */
  error(field: F): string | undefined;
  /** Shows messages (replacing earlier ones); the summary takes focus again. */
  show(fields: FieldMessages<F>, message?: string): void;
  /** Shows what went wrong with a request. */
  showFailure(error: unknown, options?: FailureOptions<F>): void;
  clear(): void;
  /** The error summary to place above the form; null while nothing is wrong. */
  summary: ReactNode;
  hasProblems: boolean;
}

/** The messages of one form; `fieldIds` maps each field to its input's id, in display order. */
export function useFormProblems<F extends string>(fieldIds: Record<F, string>): FormProblems<F> {
  const { t } = useTranslation();
  const [state, setState] = useState<State<F> | null>(null);

  const show = useCallback((fields: FieldMessages<F>, message?: string) => {
    setState((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields, message }));
  }, []);

  // Messages are kept as shown; after a change of language they are shown in the new one.
  const fieldMessage = (field: F) => {
    const message = state?.fields[field];
    return message ? inCurrentLanguage(message) : undefined;
  };
  const items: ErrorSummaryItem[] = [];
  for (const field of Object.keys(fieldIds) as F[]) {
    const message = fieldMessage(field);
    if (message) items.push({ fieldId: fieldIds[field], message });
  }

  return {
    error: fieldMessage,
    show,
    showFailure: (error, options) => {
      const { fields, message } = describeFailure(t, error, fieldIds, options);
      show(fields, message);
    },
    clear: () => setState(null),
    hasProblems: state !== null,
    summary: state ? (
      <ErrorSummary
        title={items.length > 0 ? t('forms.errorSummary') : undefined}
        message={state.message === undefined ? undefined : inCurrentLanguage(state.message)}
        items={items}
        attempt={state.attempt}
      />
    ) : null,
  };
}

/** better-auth's own error code (e.g. "INVALID_CODE") from a failed request, if any. */
export function authErrorCode(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  return typeof body.code === 'string' ? body.code : undefined;
}
