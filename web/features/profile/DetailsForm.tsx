import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ProfileResponse, updateProfileRequest } from '../../../shared/profile/contract.ts';
import { meQueryKey } from '../../app/session.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import type { Language } from '../../i18n/languages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { updateProfile } from './api.ts';
import { ProfileSection } from './ProfileSection.tsx';

const fieldIds = { name: 'profile-name', language: 'profile-language' } as const;

/** The name others see and the language of pages and emails. */
export function DetailsForm({ me }: { me: ProfileResponse }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<Language>(me.language);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({ mutationFn: updateProfile });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = updateProfileRequest.safeParse({ name, language });
    if (!parsed.success) {
      const nameIssue = parsed.error.issues.find((issue) => issue.path[0] === 'name');
      return problems.show({
        name:
          nameIssue?.code === 'too_big'
            ? t('profile.details.nameLong', { max: 120 })
            : t('profile.details.nameMissing'),
      });
    }
    mutation.mutate(parsed.data, {
      onSuccess: async () => {
        problems.clear();
        queryClient.setQueryData<ProfileResponse>(meQueryKey, (old) =>
          old ? { ...old, name: parsed.data.name ?? old.name, language } : old,
        );
        if (language !== i18n.language) await chooseLanguage(language);
        showToast({ title: i18n.t('profile.details.saved') });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (field, problem) => {
            if (field === 'language') return t('profile.details.language');
            return problem.code === 'police_title'
              ? t('forms.policeTitle')
              : t('profile.details.nameMissing');
          },
        }),
    });
  }

  return (
    <ProfileSection id="profile-details" heading={t('profile.details.heading')}>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={fieldIds.name}
          name="name"
          label={t('profile.details.name')}
          description={t('profile.details.nameHelp')}
          autoComplete="name"
          value={name}
          onChange={setName}
          errorMessage={problems.error('name')}
        />
        <LanguageField
          id={fieldIds.language}
          name="language"
          label={t('profile.details.language')}
          description={t('profile.details.languageHelp')}
          value={language}
          onChange={setLanguage}
          errorMessage={problems.error('language')}
        />
        <FormActions
          submit={t('profile.details.submit')}
          isBusy={mutation.isPending}
          variant="secondary"
        />
      </Form>
    </ProfileSection>
  );
}
