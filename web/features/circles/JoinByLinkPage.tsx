import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { joinLinkPreviewBody } from '../../../shared/circles/contract.ts';
import { ApiError } from '../../app/api.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { joinByToken, linkPreviewKey, previewJoinLink } from './api.ts';
import { PreJoinView } from './PreJoinView.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

/** The link's token is in the address's #fragment, so it never reaches a server log. */
function useLinkToken(): string {
  const { hash } = useLocation();
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

function LinkClosed() {
  const { t } = useTranslation();
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{t('circles.join.linkClosed.heading')}</PageHeading>
      <p className="status-page__body">{t('circles.join.linkClosed.body')}</p>
      <p>{t('circles.join.linkClosed.noFault')}</p>
      <div className="status-page__actions">
        <Link to="/" className={buttonClassName('secondary')}>
          {t('notFound.homeLink')}
        </Link>
      </div>
    </div>
  );
}

/**
 * /circles/join#<token>: a resident's way into a circle from a link or a personal invitation,
 * without an account: the page explains the circle, then seats them under the name they choose.
 */
export function JoinByLinkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('circles.join.title'));
  const token = useLinkToken();
  const valid = joinLinkPreviewBody.safeParse({ token }).success;
  const preview = useQuery({
    queryKey: linkPreviewKey(token),
    queryFn: ({ signal }) => previewJoinLink(token, signal),
    enabled: valid,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  if (!valid) return <LinkClosed />;
  if (preview.isPending) return <p className="page-loading">{t('circles.join.loading')}</p>;
  if (preview.isError) {
    if (preview.error instanceof ApiError && preview.error.status < 500) return <LinkClosed />;
    return (
      <div className="status-page">
        <PageHeading>{t('circles.join.title')}</PageHeading>
        <p className="status-page__body">{t('circles.loadFailed')}</p>
        <Button onPress={() => void preview.refetch()} isBusy={preview.isFetching}>
          {t('circles.retry')}
        </Button>
      </div>
    );
  }
  return <PreJoinView preJoin={preview.data} join={(body) => joinByToken({ ...body, token })} />;
}
