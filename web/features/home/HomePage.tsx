import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKnownProfile } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { CircleIllustration } from './CircleIllustration.tsx';
import './home.css';

const promises = ['voluntary', 'phone', 'language', 'name', 'stepOut', 'recording'] as const;
const offerings = ['circles', 'conferences', 'dialogues', 'training', 'trust', 'register'] as const;

function CheckIcon() {
  return (
    <svg
      className="promise__icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="11" className="promise__icon-disc" />
      <path
        d="M7 12.5l3.2 3.2L17 9"
        fill="none"
        className="promise__icon-tick"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** What Restorativ is, first for a resident holding an invitation, then for organisations. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('home.title'));
  // Only what the header already knows: a visitor is not asked who they are on the home page.
  const signedIn = useKnownProfile() !== undefined;
  return (
    <div className="home">
      <section className="home__hero" aria-labelledby="home-heading">
        <div className="home__hero-text">
          <PageHeading id="home-heading">{t('home.heading')}</PageHeading>
          <p className="home__lead">{t('home.lead')}</p>
        </div>
        <CircleIllustration />
      </section>

      <section className="home__section" aria-labelledby="residents-heading">
        <h2 id="residents-heading">{t('home.residents.heading')}</h2>
        <p className="home__intro">{t('home.residents.intro')}</p>
        <div className="home__cards">
          <article className="card">
            <h3>{t('home.residents.circleHeading')}</h3>
            <p>{t('home.residents.circleBody')}</p>
          </article>
          <article className="card">
            <h3>{t('home.residents.dialogueHeading')}</h3>
            <p>{t('home.residents.dialogueBody')}</p>
          </article>
        </div>
        <div className="promises">
          <h3>{t('home.residents.promisesHeading')}</h3>
          <ul className="promises__list">
            {promises.map((key) => (
              <li key={key} className="promise">
                <CheckIcon />
                <span>{t(`home.residents.promises.${key}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="home__section" aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t('home.organisations.heading')}</h2>
        <p className="home__intro">{t('home.organisations.intro')}</p>
        <ul className="offerings">
          {offerings.map((key) => (
            <li key={key} className="offering">
              <h3 className="offering__title">{t(`home.organisations.${key}.title`)}</h3>
              <p className="offering__body">{t(`home.organisations.${key}.body`)}</p>
              {key === 'register' ? (
                // The register's own pages, served by the server in the reader's language.
                <a className="offering__link" href={`/register?lang=${i18n.language}`}>
                  {t('home.organisations.register.link')}
                </a>
              ) : null}
              {key === 'dialogues' && signedIn ? (
                <Link className="offering__link" to="/dialogues">
                  {t('home.organisations.dialogues.link')}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="home__hosting">{t('home.organisations.hosting')}</p>
      </section>

      <p className="home__privacy">
        <Link to="/privacy" className="home__privacy-link">
          {t('home.privacyLink')}
          <span aria-hidden="true"> →</span>
        </Link>
      </p>
    </div>
  );
}
