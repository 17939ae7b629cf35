import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useReachablePrograms } from '../organisations/useReachablePrograms.ts';
import { fetchMyCommitments, myCommitmentsKey } from './api.ts';
import { CommitmentList } from './CommitmentList.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './commitments.css';

function ProgramLinks({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  const programs = useReachablePrograms(roles);
  return (
    <section className="commitments-section" aria-labelledby="my-programs">
      <h2 id="my-programs">{t('commitments.mine.programsHeading')}</h2>
      {programs.length === 0 ? (
        <p>{t('commitments.mine.programsNone')}</p>
      ) : (
        <ul className="commitments-programs">
          {programs.map(([id, name]) => (
            <li key={id}>
              <Link to={`/programs/${id}/commitments`}>
                {t('admin.programs.commitments', { program: name })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /commitments: what the person signed in owns, overdue first, and their programs' registers. */
export function MyCommitmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('commitments.mine.title'));
  const me = useSignedIn();
  const mine = useQuery({
    queryKey: myCommitmentsKey,
    queryFn: ({ signal }) => fetchMyCommitments(signal),
    retry: retryUnlessRefused,
  });

  if (me.isPending || mine.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  const failed = me.isError ? me : mine.isError ? mine : null;
  if (failed || !me.data || !mine.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('commitments.mine.heading')}</PageHeading>
        <LoadProblem
          failed={t('commitments.loadFailed')}
          error={failed?.error}
          refused={t('commitments.mine.signInFirst')}
          onRetry={() => {
            void me.refetch();
            void mine.refetch();
          }}
        />
      </div>
    );
  }
  const { commitments } = mine.data;
  return (
    <div className="commitments-page">
      <PageHeading>{t('commitments.mine.heading')}</PageHeading>
      <p className="form-page__lead">{t('commitments.mine.lead')}</p>
      {commitments.length === 0 ? (
        <p>{t('commitments.mine.none')}</p>
      ) : (
        <CommitmentList commitments={commitments} ownList />
      )}
      <ProgramLinks roles={me.data.roles} />
    </div>
  );
}
