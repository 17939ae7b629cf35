import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useReachablePrograms } from '../organisations/useReachablePrograms.ts';
import { fetchMyCircles, myCirclesKey } from './api.ts';
import { CircleList } from './CircleList.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

/** The programs whose circles the person may plan or follow; residents have none: they come by links. */
function useStaffPrograms(roles: ProfileResponse['roles']) {
  return useReachablePrograms(
    roles.filter((role) => role.role !== 'resident' && role.role !== 'youth'),
  );
}

function ProgramLinks({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  const programs = useStaffPrograms(roles);
  if (programs.length === 0) return null;
  return (
    <section className="circle-section" aria-labelledby="my-circle-programs">
      <h2 id="my-circle-programs">{t('circles.mine.programsHeading')}</h2>
      <ul className="circle-programs">
        {programs.map(([id, name]) => (
          <li key={id}>
            <Link to={`/programs/${id}/circles`}>
              {t('circles.list.heading', { program: name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /circles: the circles the person keeps, is invited to or has a seat in, across programs. */
export function MyCirclesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('circles.mine.title'));
  const me = useSignedIn();
  const mine = useQuery({
    queryKey: myCirclesKey,
    queryFn: ({ signal }) => fetchMyCircles(signal),
    retry: retryUnlessRefused,
  });
  if (me.isPending || mine.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!me.data || !mine.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.mine.heading')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={me.error ?? mine.error}
          refused={t('circles.mine.signInFirst')}
          onRetry={() => {
            void me.refetch();
            void mine.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <div className="circles-page">
      <PageHeading>{t('circles.mine.heading')}</PageHeading>
      <p className="form-page__lead">{t('circles.mine.lead')}</p>
      {mine.data.length === 0 ? (
        <p>{t('circles.mine.none')}</p>
      ) : (
        <CircleList circles={mine.data} showProgram />
      )}
      <ProgramLinks roles={me.data.roles} />
    </div>
  );
}
