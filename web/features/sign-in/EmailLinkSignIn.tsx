import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button as AriaButton, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SIGN_IN_LINK_MINUTES } from '../../../shared/profile/contract.ts';
import type { ApiError } from '../../app/api.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { askForSignInLink } from './api.ts';

const fieldIds = { email: 'sign-in-link-email' } as const;
const emailShape = z.email().max(254);

/**
 * The second way in, for residents and invitees who have no password: a link sent by email.
 * What it says afterwards is the same whether or not the address has an account.
 * `linkFailed`: they came back from a link that had expired or was used.
 */
export function EmailLinkSignIn({
  initialEmail,
  linkFailed,
  onUsePassword,
}: {
  initialEmail: string;
  linkFailed: boolean;
  onUsePassword: () => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({ mutationFn: askForSignInLink });

  const usePassword = (
    <p>
      <AriaButton className="link-button" onPress={onUsePassword}>
        {t('signIn.link.usePassword')}
      </AriaButton>
    </p>
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const trimmed = email.trim();
    if (trimmed === '') return problems.show({ email: t('signIn.errors.emailMissing') });
    if (!emailShape.safeParse(trimmed).success) {
      return problems.show({ email: t('setup.errors.email') });
    }
    mutation.mutate(trimmed, {
      onSuccess: () => {
        problems.clear();
        setSentTo(trimmed);
      },
      onError: (error) =>
        problems.showFailure(error, {
          statusMessage: (failure: ApiError) => {
            if (failure.status === 429) return t('signIn.link.tooMany');
            // better-auth's own check of the address, in its own words: ours are kinder.
            if (failure.status === 400) return t('setup.errors.email');
            return undefined;
          },
        }),
    });
  }

  if (sentTo !== null) {
    return (
      <>
        <PageHeading focusOnMount>{t('signIn.link.sentHeading')}</PageHeading>
        <p className="form-page__lead">
          {t('signIn.link.sent', { email: sentTo, minutes: SIGN_IN_LINK_MINUTES })}
        </p>
        <p>{t('signIn.link.sentHelp')}</p>
        <div className="form-aside">
          <p>
            <AriaButton className="link-button" onPress={() => setSentTo(null)}>
              {t('signIn.link.again')}
            </AriaButton>
          </p>
          {usePassword}
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeading focusOnMount>{t('signIn.link.heading')}</PageHeading>
      {linkFailed ? (
        <div className="form-page__note sign-in-link__failed">
          <p>{t('signIn.link.failed')}</p>
          <p>{t('signIn.link.failedNext', { minutes: SIGN_IN_LINK_MINUTES })}</p>
        </div>
      ) : null}
      <p className="form-page__lead">{t('signIn.link.lead')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.email}
          name="email"
          type="email"
          label={t('signIn.email')}
          description={t('signIn.link.emailHelp')}
          autoComplete="email"
          value={email}
          onChange={setEmail}
          errorMessage={problems.error('email')}
        />
        <FormActions submit={t('signIn.link.submit')} isBusy={mutation.isPending} />
      </Form>
      <div className="form-aside">
        <p>{t('signIn.link.staff')}</p>
        {usePassword}
      </div>
    </>
  );
}
