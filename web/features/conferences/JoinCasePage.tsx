import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PartyLinkPreview } from '../../../shared/conferences/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { meQueryKey } from '../../app/session.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import type { Language } from '../../i18n/languages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { acceptPartyLink, conferencesKey, partyPreviewKey, previewPartyLink } from './api.ts';
import { ByLink, LinkClosed } from './LinkClosed.tsx';
import { useFailureOptions } from './useCaseChange.ts';
import { looksLikeToken, useLinkToken } from './useLinkToken.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';

const fieldIds = { language: 'party-join-language' } as const;

/** What a conference is and what the party can count on, then their language and "Continue". */
function Welcome({ token, preview }: { token: string; preview: PartyLinkPreview }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language>(preview.language);
  const problems = useFormProblems(fieldIds);
  const failure = useFailureOptions<keyof typeof fieldIds>();
  const mutation = useMutation({ mutationFn: () => acceptPartyLink(token, language) });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: async ({ conferenceId }) => {
        // They are signed in now: the header offers their account and their cases.
        queryClient.removeQueries({ queryKey: meQueryKey });
        void queryClient.invalidateQueries({ queryKey: conferencesKey });
        if (language !== i18n.language) await chooseLanguage(language);
        void navigate(`/conferences/${conferenceId}/my-part`);
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <div className="form-page party-page">
      <p className="conference-eyebrow">{preview.programName}</p>
      <PageHeading>{t('conferences.join.heading')}</PageHeading>
      <p className="form-page__lead">
        {t('conferences.join.lead', { role: t(`conferences.roleAs.${preview.role}`) })}
      </p>
      <section aria-labelledby="join-what">
        <h2 id="join-what">{t('conferences.join.whatHeading')}</h2>
        <p>{t('conferences.join.what')}</p>
      </section>
      <section aria-labelledby="join-promises">
        <h2 id="join-promises">{t('conferences.join.promisesHeading')}</h2>
        <ul className="conference-promises">
          <li>{t('conferences.join.promises.voluntary')}</li>
          <li>{t('conferences.join.promises.withdraw')}</li>
          <li>{t('conferences.join.promises.confidential')}</li>
          <li>{t('conferences.join.promises.prepared')}</li>
        </ul>
      </section>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form party-card">
        <LanguageField
          id={fieldIds.language}
          label={t('conferences.join.language')}
          description={t('conferences.join.languageHelp')}
          value={language}
          onChange={setLanguage}
          errorMessage={problems.error('language')}
        />
        <p>{t('conferences.join.next')}</p>
        <FormActions submit={t('conferences.join.submit')} isBusy={mutation.isPending} />
      </Form>
    </div>
  );
}

/**
 * /conferences/join#<token>: a party's own link into their case. A resident needs no account:
 * taking the link up signs them in, and their page opens.
 */
export function JoinCasePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('conferences.join.title'));
  const token = useLinkToken();
  const valid = looksLikeToken(token);
  const preview = useQuery({
    queryKey: partyPreviewKey(token),
    queryFn: ({ signal }) => previewPartyLink(token, signal),
    enabled: valid,
    retry: retryUnlessRefused,
  });
  const closed = {
    heading: t('conferences.join.closed.heading'),
    body: t('conferences.join.closed.body'),
  };
  if (!valid) return <LinkClosed {...closed} />;
  return (
    <ByLink
      query={preview}
      title={t('conferences.join.title')}
      closed={closed}
      loading={t('conferences.join.loading')}
    >
      {(data) => <Welcome token={token} preview={data} />}
    </ByLink>
  );
}
