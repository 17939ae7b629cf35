import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EmailFrequency } from '../../../shared/preferences/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import {
  fetchMyEmailPreferences,
  myEmailPreferencesKey,
  saveMyEmailPreferences,
} from '../preferences/api.ts';
import { EmailFrequencyField } from '../preferences/EmailFrequencyField.tsx';
import { ProfileSection } from './ProfileSection.tsx';

const fieldIds = { frequency: 'profile-email-frequency' } as const;

function PreferencesForm({ initial }: { initial: EmailFrequency }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [frequency, setFrequency] = useState<EmailFrequency>(initial);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({ mutationFn: saveMyEmailPreferences });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(
      { frequency },
      {
        onSuccess: () => {
          problems.clear();
          queryClient.setQueryData(myEmailPreferencesKey, { frequency });
          showToast({ title: t(`preferences.saved.${frequency}`) });
        },
        onError: (error) => problems.showFailure(error),
      },
    );
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <EmailFrequencyField
          id={fieldIds.frequency}
          value={frequency}
          onChange={setFrequency}
          errorMessage={problems.error('frequency')}
        />
        <FormActions
          submit={t('preferences.save')}
          isBusy={mutation.isPending}
          variant="secondary"
        />
      </Form>
    </>
  );
}

export function EmailPreferencesSection() {
  const { t } = useTranslation();
  const preferences = useQuery({
    queryKey: myEmailPreferencesKey,
    queryFn: ({ signal }) => fetchMyEmailPreferences(signal),
  });
  return (
    <ProfileSection id="profile-email-preferences" heading={t('preferences.heading')}>
      {preferences.isPending ? (
        <p className="page-loading">{t('app.loading')}</p>
      ) : preferences.isError ? (
        <div>
          <p>{t('preferences.page.loadFailed')}</p>
          <Button variant="secondary" onPress={() => void preferences.refetch()}>
            {t('profile.retry')}
          </Button>
        </div>
      ) : (
        <PreferencesForm initial={preferences.data.frequency} />
      )}
    </ProfileSection>
  );
}
