import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClassName } from '../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../ui/PageHeading.tsx';
import './status-page.css';

/** Any path the app does not know. The server answers 200 with the app; this page says 404. */
export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="status-page">
      <PageHeading>{t('notFound.heading')}</PageHeading>
      <p className="status-page__body">{t('notFound.body')}</p>
      <Link to="/" className={buttonClassName('primary')}>
        {t('notFound.homeLink')}
      </Link>
    </div>
  );
}
