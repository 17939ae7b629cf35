import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchProgramCircles, programCirclesKey } from './api.ts';
import { CircleList } from './CircleList.tsx';
import { mayPlanIn } from './planners.ts';
import '../../app/status-page.css';
import './circles.css';

/** /programs/:programId/circles: a program's circles, live, coming up and past. */
export function ProgramCirclesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const circles = useQuery({
    queryKey: programCirclesKey(programId),
    queryFn: ({ signal }) => fetchProgramCircles(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(name ? t('circles.list.heading', { program: name }) : t('circles.list.title'));

  if (program.isPending || circles.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !circles.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.list.title')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={program.error ?? circles.error}
          refused={t('circles.list.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void circles.refetch();
          }}
        />
      </div>
    );
  }
  const organisationIds = program.data.organisations.map((organisation) => organisation.id);
  const mayPlan = mayPlanIn(me.data?.roles, programId, organisationIds);
  return (
    <div className="circles-page">
      <PageHeading>{t('circles.list.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('circles.list.lead')}</p>
      <div className="circles-page__actions">
        {mayPlan ? (
          <Link to={`/programs/${programId}/circles/new`} className={buttonClassName('primary')}>
            {t('circles.list.plan')}
          </Link>
        ) : null}
        <Link to={`/programs/${programId}/commitments`} className="circles-page__link">
          {t('circles.list.commitmentsLink', { program: program.data.name })}
        </Link>
      </div>
      {circles.data.length === 0 ? (
        <p>{mayPlan ? t('circles.list.noneYetPlanner') : t('circles.list.noneYet')}</p>
      ) : (
        <CircleList circles={circles.data} />
      )}
    </div>
  );
}
