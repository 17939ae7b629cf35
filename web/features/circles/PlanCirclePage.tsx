import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { circlePeopleKey, fetchCirclePeople } from './api.ts';
import { PlanCircleForm } from './PlanCircleForm.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

/** /programs/:programId/circles/new: plan a circle, alone or as a weekly or monthly series. */
export function PlanCirclePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const me = useSignedIn();
  useDocumentTitle(t('circles.plan.title'));
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const people = useQuery({
    queryKey: circlePeopleKey(programId),
    queryFn: ({ signal }) => fetchCirclePeople(programId, signal),
    retry: retryUnlessRefused,
  });
  if (program.isPending || people.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !people.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.plan.heading')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={program.error ?? people.error}
          refused={t('circles.plan.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void people.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <div className="form-page">
      <PageHeading>{t('circles.plan.heading')}</PageHeading>
      <p className="form-page__lead">{t('circles.plan.lead', { program: program.data.name })}</p>
      <PlanCircleForm
        programId={programId}
        people={people.data}
        programZone={program.data.timeZone}
        myPersonId={me.data?.personId}
      />
    </div>
  );
}
