import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { changeEmailRequest, type ProfileResponse } from '../../../shared/profile/contract.ts';
import { meQueryKey } from '../../app/session.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authErrorCode, useFormProblems } from '../../ui/useFormProblems.tsx';
import { changeEmail, fetchProfile } from './api.ts';
import { emailFieldMessage } from './field-messages.ts';
import { ProfileSection } from './ProfileSection.tsx';

const fieldIds = { email: 'profile-new-email', password: 'profile-email-password' } as const;

/** A new sign-in address, after the password is given again. */
export function EmailForm({ me }: { me: ProfileResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({ mutationFn: changeEmail });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setDone(null);
    const parsed = changeEmailRequest.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      const fields: Partial<Record<keyof typeof fieldIds, string>> = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'email') fields.email ??= t('setup.errors.email');
        if (issue.path[0] === 'password') fields.password ??= t('signIn.errors.passwordMissing');
      }
      return problems.show(fields);
    }
    mutation.mutate(parsed.data, {
      onSuccess: async () => {
        problems.clear();
        setPassword('');
        setEmail('');
        // The server may change it at once, or first send a link to the new address.
        const fresh = await queryClient.fetchQuery({
          queryKey: meQueryKey,
          queryFn: ({ signal }) => fetchProfile(signal),
          staleTime: 0,
        });
        setDone(
          fresh.email.toLowerCase() === parsed.data.email.toLowerCase()
            ? t('profile.email.changed', { email: fresh.email })
            : t('profile.email.confirmSent', { email: parsed.data.email }),
        );
      },
      onError: (error) => {
        if (authErrorCode(error) === 'INVALID_PASSWORD') {
          return problems.show({ password: t('secondFactor.errors.wrongPassword') });
        }
        problems.showFailure(error, {
          fieldMessage: (field, problem) =>
            field === 'email'
              ? emailFieldMessage(t, problem)
              : t('secondFactor.errors.wrongPassword'),
          statusMessage: (failure) =>
            failure.status === 409 ? t('profile.email.taken') : undefined,
        });
      },
    });
  }

  return (
    <ProfileSection id="profile-email" heading={t('profile.email.heading')}>
      <p>{t('profile.email.current', { email: me.email })}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        {/* Lets a password manager match the password to this account. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={me.email}
          readOnly
          hidden
        />
        <TextField
          id={fieldIds.email}
          name="email"
          type="email"
          label={t('profile.email.new')}
          autoComplete="email"
          value={email}
          onChange={setEmail}
          errorMessage={problems.error('email')}
        />
        <PasswordField
          id={fieldIds.password}
          name="password"
          label={t('secondFactor.password')}
          description={t('profile.email.passwordHelp')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={problems.error('password')}
        />
        <FormActions
          submit={t('profile.email.submit')}
          isBusy={mutation.isPending}
          variant="secondary"
        />
        <p className="profile__done" role="status">
          {done ?? ''}
        </p>
      </Form>
    </ProfileSection>
  );
}
