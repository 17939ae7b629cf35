import { useTranslation } from 'react-i18next';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import './privacy.css';

const sections = [
  'stored',
  'confidential',
  'recording',
  'surveys',
  'audit',
  'public',
  'location',
  'rights',
] as const;

/** What is stored, who sees it and for how long: only what the platform actually does. */
export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.title'));
  return (
    <article className="privacy">
      <PageHeading>{t('privacy.heading')}</PageHeading>
      <p className="privacy__lead">{t('privacy.lead')}</p>
      {sections.map((key) => (
        <section key={key} className="privacy__section" aria-labelledby={`privacy-${key}`}>
          <h2 id={`privacy-${key}`} className="privacy__heading">
            {t(`privacy.${key}.heading`)}
          </h2>
          <p>{t(`privacy.${key}.body`)}</p>
        </section>
      ))}
    </article>
  );
}
