import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ProfileResponse, updateProfileRequest } from '../../../shared/profile/contract.ts';
import { meQueryKey } from '../../app/session.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isLanguage, type Language, languages } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { updateProfile } from './api.ts';

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
    <section className="profile__section" aria-labelledby="profile-details">
      <h2 id="profile-details" className="profile__heading">
        {t('profile.details.heading')}
      </h2>
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
        <RadioGroup
          id={fieldIds.language}
          name="language"
          label={t('profile.details.language')}
          description={t('profile.details.languageHelp')}
          options={languages.map((option) => ({
            value: option.code,
            label: option.name,
            lang: option.code,
          }))}
          value={language}
          onChange={(value) => {
            if (isLanguage(value)) setLanguage(value);
          }}
          errorMessage={problems.error('language')}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" isBusy={mutation.isPending}>
            {t('profile.details.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
