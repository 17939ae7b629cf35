import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchOrganisation, organisationKey } from '../organisations/api.ts';
import { fetchMyCommitments, fetchProgram, myCommitmentsKey, programKey } from './api.ts';
import { CommitmentList } from './CommitmentList.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './commitments.css';

/**
 * The programs whose register the person reaches: those they hold a role in, and every program
 * of an organisation where their role spans the whole organisation. A program the server will
 * not show them is left out.
 */
function useReachablePrograms(roles: ProfileResponse['roles']) {
  const programIds = [
    ...new Set(roles.flatMap((role) => (role.programId ? [role.programId] : []))),
  ];
  const organisationIds = [
    ...new Set(roles.flatMap((role) => (role.programId ? [] : [role.organisationId]))),
  ];
  const programs = useQueries({
    queries: programIds.map((id) => ({
      queryKey: programKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProgram(id, signal),
      retry: retryUnlessRefused,
    })),
  });
  const organisations = useQueries({
    queries: organisationIds.map((id) => ({
      queryKey: organisationKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOrganisation(id, signal),
      retry: retryUnlessRefused,
    })),
  });
  const found = new Map<string, string>();
  for (const query of programs) if (query.data) found.set(query.data.id, query.data.name);
  for (const query of organisations) {
    for (const program of query.data?.programs ?? []) found.set(program.id, program.name);
  }
  return [...found].sort(([, a], [, b]) => a.localeCompare(b));
}

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
