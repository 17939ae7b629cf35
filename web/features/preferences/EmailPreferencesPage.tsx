import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EmailFrequency } from '../../../shared/preferences/contract.ts';
import { ApiError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchTokenPreferences, saveTokenPreferences, tokenPreferencesKey } from './api.ts';
import { EmailFrequencyField } from './EmailFrequencyField.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './preferences.css';

const fieldIds = { frequency: 'preferences-frequency' } as const;

function LinkNotValid() {
  const { t } = useTranslation();
  useDocumentTitle(t('preferences.invalid.title'));
  return (
    <div className="status-page">
      <PageHeading>{t('preferences.invalid.heading')}</PageHeading>
      <p className="status-page__body">{t('preferences.invalid.body')}</p>
      <p>{t('preferences.invalid.next')}</p>
    </div>
  );
}

function PreferencesForm({
  token,
  maskedEmail,
  initial,
}: {
  token: string;
  maskedEmail: string;
  initial: EmailFrequency;
}) {
  const { t } = useTranslation();
  const [frequency, setFrequency] = useState<EmailFrequency>(initial);
  const [saved, setSaved] = useState<EmailFrequency | null>(null);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: (value: EmailFrequency) => saveTokenPreferences(token, { frequency: value }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setSaved(null);
    mutation.mutate(frequency, {
      onSuccess: () => {
        problems.clear();
        setSaved(frequency);
      },
      onError: (error) => problems.showFailure(error),
    });
  }

  return (
    <>
      <p className="form-page__lead">{t('preferences.page.lead', { email: maskedEmail })}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <EmailFrequencyField
          id={fieldIds.frequency}
          value={frequency}
          onChange={(value) => {
            setFrequency(value);
            setSaved(null);
          }}
          errorMessage={problems.error('frequency')}
        />
        <FormActions submit={t('preferences.save')} isBusy={mutation.isPending} />
        <p className="preferences__saved" role="status">
          {saved ? t(`preferences.saved.${saved}`) : ''}
        </p>
      </Form>
    </>
  );
}

/** /preferences/email?token=: the page every email links to; no sign-in needed. */
export function EmailPreferencesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('preferences.page.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const query = useQuery({
    queryKey: tokenPreferencesKey(token),
    queryFn: ({ signal }) => fetchTokenPreferences(token, signal),
    enabled: token.length >= 20,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });

  if (token.length < 20) return <LinkNotValid />;
  if (query.isPending) return <p className="page-loading">{t('preferences.page.loading')}</p>;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status < 500) return <LinkNotValid />;
    return (
      <div className="status-page">
        <PageHeading>{t('preferences.page.heading')}</PageHeading>
        <p className="status-page__body">{t('preferences.page.loadFailed')}</p>
        <Button onPress={() => void query.refetch()} isBusy={query.isFetching}>
          {t('profile.retry')}
        </Button>
      </div>
    );
  }
  return (
    <div className="form-page">
      <PageHeading>{t('preferences.page.heading')}</PageHeading>
      <PreferencesForm
        token={token}
        maskedEmail={query.data.maskedEmail}
        initial={query.data.frequency}
      />
    </div>
  );
}
