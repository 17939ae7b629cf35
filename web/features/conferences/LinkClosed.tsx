import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';

/** A link that no longer opens anything: said calmly, with no fault on the reader. */
export function LinkClosed({ heading, body }: { heading: string; body: string }) {
  const { t } = useTranslation();
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{heading}</PageHeading>
      <p className="status-page__body">{body}</p>
      <p>{t('conferences.link.noFault')}</p>
      <div className="status-page__actions">
        <Link to="/" className={buttonClassName('secondary')}>
          {t('notFound.homeLink')}
        </Link>
      </div>
    </div>
  );
}

/**
 * A page opened by a link's token: the link's answer, "this link does not work" when the server
 * refuses it (a 4xx), or a way to try again when the connection failed.
 */
export function ByLink<T>({
  query,
  title,
  closed,
  loading,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  title: string;
  closed: { heading: string; body: string };
  loading: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p className="page-loading">{loading}</p>;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status < 500)
      return <LinkClosed {...closed} />;
    return (
      <div className="status-page">
        <PageHeading>{title}</PageHeading>
        <p className="status-page__body" role="alert">
          {t('conferences.loadFailed')}
        </p>
        <Button onPress={() => void query.refetch()} isBusy={query.isFetching}>
          {t('ui.retry')}
        </Button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
