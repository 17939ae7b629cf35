import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchPreJoin, joinSignedIn, preJoinKey } from './api.ts';
import { PreJoinView } from './PreJoinView.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

/** /circles/:circleId/join: the page before joining, for someone signed in and asked to it. */
export function JoinCirclePage() {
  const { t } = useTranslation();
  const { circleId = '' } = useParams();
  useDocumentTitle(t('circles.join.title'));
  useSignedIn();
  const preJoin = useQuery({
    queryKey: preJoinKey(circleId),
    queryFn: ({ signal }) => fetchPreJoin(circleId, signal),
    retry: retryUnlessRefused,
  });
  if (preJoin.isPending) return <p className="page-loading">{t('circles.join.loading')}</p>;
  if (preJoin.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.join.title')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={preJoin.error}
          refused={t('circles.join.notInvited')}
          onRetry={() => void preJoin.refetch()}
        />
      </div>
    );
  }
  return <PreJoinView preJoin={preJoin.data} join={(body) => joinSignedIn(circleId, body)} />;
}
