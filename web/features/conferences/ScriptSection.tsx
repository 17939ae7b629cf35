import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { fetchScript, scriptKey } from './api.ts';

/**
 * The conference's script: the restorative questions for each role, in the program's order, in
 * either language (a facilitator may run the conference in the parties' language).
 */
export function ScriptSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(
    isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en',
  );
  const script = useQuery({
    queryKey: scriptKey(detail.id, language),
    queryFn: ({ signal }) => fetchScript(detail.id, language, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <section id="case-script" className="case-section" aria-labelledby="case-script-heading">
      <h2 id="case-script-heading">{t('conferences.script.heading')}</h2>
      <p>{t('conferences.script.lead')}</p>
      <LanguageField
        id="script-language"
        label={t('conferences.script.language')}
        value={language}
        onChange={setLanguage}
      />
      {script.isPending ? (
        <p>{t('app.loading')}</p>
      ) : script.isError ? (
        <div role="alert">
          <p>{t('conferences.loadFailed')}</p>
          <Button onPress={() => void script.refetch()}>{t('ui.retry')}</Button>
        </div>
      ) : (
        <ol className="script-steps" lang={script.data.language}>
          {script.data.steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a script's steps are its order
            <li key={index} className="script-step">
              <p className="script-step__speaker" lang={i18n.resolvedLanguage}>
                {step.speaker === 'facilitator'
                  ? t('conferences.script.facilitator')
                  : t(`conferences.roles.${step.speaker}`)}
              </p>
              <h3 className="script-step__heading">{step.heading}</h3>
              <ul className="script-step__questions">
                {step.questions.map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
