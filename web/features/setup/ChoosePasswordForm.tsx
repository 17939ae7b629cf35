import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { setupPasswordRequest } from '../../../shared/setup/contract.ts';
import { ApiError, NetworkError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { chooseAdminPassword } from './api.ts';
import { fieldMessage, limits, problemsOf } from './field-messages.ts';

const passwordId = 'setup-choose-password';

export type ChoosePasswordOutcome = { kind: 'password-set' } | { kind: 'invalid-link' };

interface Problems {
  attempt: number;
  password?: string;
  message?: string;
}

/** After `restorativ init`: the admin it created chooses the password they will sign in with. */
export function ChoosePasswordForm({
  token,
  organisationName,
  adminEmail,
  onOutcome,
}: {
  token: string;
  organisationName: string;
  adminEmail: string;
  onOutcome: (outcome: ChoosePasswordOutcome) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems | null>(null);
  useDocumentTitle(t('setup.title'));
  const mutation = useMutation({ mutationFn: chooseAdminPassword });

  function show(next: Omit<Problems, 'attempt'>) {
    setProblems((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, ...next }));
  }

  function onFailure(error: unknown) {
    if (error instanceof NetworkError) return show({ message: t('forms.network') });
    if (!(error instanceof ApiError)) return show({ message: t('forms.failed') });
    const fieldProblems = error.fieldProblems;
    if (fieldProblems.some((problem) => problem.field === 'token')) {
      return onOutcome({ kind: 'invalid-link' });
    }
    const passwordProblem = fieldProblems.find((problem) => problem.field === 'password');
    if (passwordProblem) return show({ password: fieldMessage(t, passwordProblem) });
    return show({ message: t('forms.failed') });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = setupPasswordRequest.safeParse({ token, password });
    if (!parsed.success) {
      const [problem] = problemsOf(parsed.error.issues);
      return show(
        problem ? { password: fieldMessage(t, problem) } : { message: t('forms.failed') },
      );
    }
    mutation.mutate(parsed.data, {
      onSuccess: () => onOutcome({ kind: 'password-set' }),
      onError: onFailure,
    });
  }

  return (
    <div className="form-page">
      <PageHeading>{t('setup.choosePassword.heading')}</PageHeading>
      <p className="form-page__lead">
        {t('setup.choosePassword.lead', { organisation: organisationName, email: adminEmail })}
      </p>

      {problems ? (
        <ErrorSummary
          title={problems.password ? t('forms.errorSummary') : undefined}
          message={problems.message}
          items={problems.password ? [{ fieldId: passwordId, message: problems.password }] : []}
          attempt={problems.attempt}
        />
      ) : null}

      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        {/* Lets a password manager save the new password under the right account. */}
        <input
          type="email"
          name="email"
          autoComplete="username"
          value={adminEmail}
          readOnly
          hidden
        />
        <PasswordField
          id={passwordId}
          name="password"
          label={t('setup.choosePassword.password')}
          description={t('setup.form.passwordHelp', { min: limits.password.min })}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          errorMessage={problems?.password}
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending} className="form-actions__submit">
            {t('setup.choosePassword.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
