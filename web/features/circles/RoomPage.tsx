import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { circleKey, fetchCircle } from './api.ts';
import { Room } from './Room.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

/**
 * /circles/:circleId/room: the live circle. Someone without a seat goes to the page before
 * joining first; a circle that is over sends people on to its harvest.
 */
export function RoomPage() {
  const { t } = useTranslation();
  const { circleId = '' } = useParams();
  useSignedIn();
  const query = useQuery({
    queryKey: circleKey(circleId),
    queryFn: ({ signal }) => fetchCircle(circleId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(
    query.data
      ? t('circles.room.title', { purpose: query.data.purpose })
      : t('circles.room.titleShort'),
  );
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (query.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.room.titleShort')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={query.error}
          refused={t('circles.detail.notFound')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const circle = query.data;
  // A seat taken a moment ago may not be in what was kept of the circle: ask before sending on.
  if (!circle.participantId && query.isFetching) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  const open = circle.status === 'scheduled' || circle.status === 'live';
  if (open && !circle.participantId) return <Navigate to={`/circles/${circle.id}/join`} replace />;
  if (!open || !circle.participantId) {
    return (
      <div className="status-page">
        <PageHeading>{circle.purpose}</PageHeading>
        <p className="status-page__body">
          {circle.status === 'cancelled'
            ? t('circles.room.cancelled')
            : t('circles.room.closedBody')}
        </p>
        {circle.status === 'closed' ? (
          <Link to={`/circles/${circle.id}/harvest`} className={buttonClassName('primary')}>
            {t('circles.room.toHarvest')}
          </Link>
        ) : null}
      </div>
    );
  }
  return <Room circle={circle} seat={circle.participantId} />;
}
