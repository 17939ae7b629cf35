import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, buttonClassName } from '../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../ui/PageHeading.tsx';
import { NotFound } from './NotFound.tsx';
import './status-page.css';

function ErrorMessage() {
  const { t } = useTranslation();
  useDocumentTitle(t('error.title'));
  return (
    <div className="status-page">
      <PageHeading>{t('error.heading')}</PageHeading>
      <p className="status-page__body">{t('error.body')}</p>
      <div className="status-page__actions">
        {/* A full reload: after a dropped connection the page's code must be fetched afresh. */}
        <Button onPress={() => window.location.reload()}>{t('error.retry')}</Button>
        <a href="/" className={buttonClassName('secondary')}>
          {t('error.homeLink')}
        </a>
      </div>
    </div>
  );
}

function useReportInDevelopment(error: unknown): void {
  if (import.meta.env.DEV) console.error(error);
}

/**
 * Error element of the page routes: a page that throws, or whose code cannot be loaded (say, a
 * phone that lost its connection), shows a calm message inside the normal layout.
 */
export function RouteError() {
  const error = useRouteError();
  useReportInDevelopment(error);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return <ErrorMessage />;
}

/** Error element of the root route, for when the layout itself fails: the message alone. */
export function RootError() {
  const error = useRouteError();
  useReportInDevelopment(error);
  return (
    <main id="main" tabIndex={-1} className="site-main">
      <ErrorMessage />
    </main>
  );
}
