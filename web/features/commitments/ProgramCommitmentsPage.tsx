import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type CommitmentFilters, commitmentFilters } from '../../../shared/commitments/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import {
  exportHref,
  fetchProgramCommitments,
  filtersParams,
  programCommitmentsKey,
  publicProgramHref,
} from './api.ts';
import { CommitmentFiltersForm } from './CommitmentFiltersForm.tsx';
import { CommitmentList } from './CommitmentList.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './commitments.css';

/** The filters in the address; one that is not understood is left out rather than refused. */
function useFilters(): [CommitmentFilters, (filters: CommitmentFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: CommitmentFilters = {};
  for (const name of ['status', 'source', 'owner', 'due'] as const) {
    const value = params.get(name);
    const parsed = commitmentFilters.shape[name].safeParse(value ?? undefined);
    if (value && parsed.success && parsed.data) Object.assign(filters, { [name]: parsed.data });
  }
  const change = (next: CommitmentFilters) =>
    setParams(filtersParams(next), { replace: true, preventScrollReset: true });
  return [filters, change];
}

/** /programs/:programId/commitments: the program's register for its staff and people. */
export function ProgramCommitmentsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [filters, setFilters] = useFilters();
  useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const list = useQuery({
    queryKey: programCommitmentsKey(programId, filters),
    queryFn: ({ signal }) => fetchProgramCommitments(programId, filters, signal),
    retry: retryUnlessRefused,
    // While a new filter loads, the list stays in place instead of flashing empty.
    placeholderData: keepPreviousData,
  });
  const name = program.data?.name;
  useDocumentTitle(
    name ? t('commitments.list.heading', { program: name }) : t('commitments.list.title'),
  );

  if (program.isPending || list.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  const failed = program.isError ? program : list.isError ? list : null;
  if (failed || !program.data || !list.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('commitments.list.title')}</PageHeading>
        <LoadProblem
          failed={t('commitments.loadFailed')}
          error={failed?.error}
          refused={t('commitments.list.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void list.refetch();
          }}
        />
      </div>
    );
  }
  const { commitments, mayCreate, mayExport } = list.data;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="commitments-page">
      <PageHeading>{t('commitments.list.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('commitments.list.lead')}</p>
      <div className="commitments-page__actions">
        {mayCreate ? (
          <Link
            to={`/programs/${programId}/commitments/new`}
            className={buttonClassName('primary')}
          >
            {t('commitments.list.record')}
          </Link>
        ) : null}
        <a href={publicProgramHref(programId)} className="commitments-page__link">
          {t('commitments.list.publicLink')}
        </a>
        {mayExport ? (
          <a href={exportHref(programId, filters)} download className="commitments-page__link">
            {t('commitments.list.exportLink')}
          </a>
        ) : null}
      </div>
      <CommitmentFiltersForm program={program.data} filters={filters} onChange={setFilters} />
      <p className="commitments-page__count" role="status">
        {commitments.length === 0
          ? filtered
            ? t('commitments.list.noneMatching')
            : t('commitments.list.none')
          : t('commitments.list.shown', { count: commitments.length })}
      </p>
      <CommitmentList commitments={commitments} />
    </div>
  );
}
