import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OrganisationMeasurement } from '../../../shared/measurement/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchOrganisationMeasurement, organisationMeasurementKey, setPublicPage } from './api.ts';
import { publishesFor } from './roles.ts';
import { useFigureWords } from './useFigureWords.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

type ProgramFigures = OrganisationMeasurement['programs'][number];

function Latest({ program }: { program: ProgramFigures }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const latest = program.latest;
  if (!latest)
    return <p className="measurement-muted">{t('measurement.organisation.noFigures')}</p>;
  const figures = latest.figures;
  return (
    <>
      <p className="measurement-muted">
        {t('measurement.organisation.latest', { quarter: words.quarter(latest.quarter) })}
      </p>
      {'hidden' in figures ? (
        <p>{words.hidden(figures, null)}</p>
      ) : (
        <p>
          <strong>{t('measurement.dashboard.trustHeading')}:</strong>{' '}
          {figures.trust ? words.mean(figures.trust) : t('measurement.figures.noAnswers')}{' '}
          <span className="measurement-muted">
            {t('measurement.organisation.people', { n: figures.n })}
          </span>
        </p>
      )}
    </>
  );
}

/** The organisation admin's choice to show these figures to anyone, saved as it is ticked. */
function PublicPageSetting({ measurement }: { measurement: OrganisationMeasurement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problems = useFormProblems({});
  const key = organisationMeasurementKey(measurement.organisationId);
  const mutation = useMutation({
    mutationFn: (publicPage: boolean) => setPublicPage(measurement.organisationId, publicPage),
  });
  return (
    <section className="measurement-section" aria-labelledby="organisation-public">
      <h2 id="organisation-public">{t('measurement.organisation.publicHeading')}</h2>
      <p>{t('measurement.organisation.publicLead')}</p>
      {problems.summary}
      <Checkbox
        isSelected={measurement.publicPage}
        isDisabled={mutation.isPending}
        onChange={(publicPage) =>
          mutation.mutate(publicPage, {
            onSuccess: () => {
              problems.clear();
              queryClient.setQueryData<OrganisationMeasurement>(key, (previous) =>
                previous ? { ...previous, publicPage } : previous,
              );
              showToast({ title: t('measurement.organisation.saved') });
            },
            onError: (error) => problems.showFailure(error),
          })
        }
      >
        {t('measurement.organisation.publicToggle')}
      </Checkbox>
      <p role="status">
        {measurement.publicPage
          ? t('measurement.organisation.publicOn')
          : t('measurement.organisation.publicOff')}
      </p>
      {measurement.publicPage ? (
        <p>
          <Link to={`/trust/${measurement.organisationId}`} className="measurement-link">
            {t('measurement.organisation.publicLink')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** /organisations/:organisationId/measurement: each program's latest trust figures. */
export function OrganisationMeasurementPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  useDocumentTitle(t('measurement.organisation.title'));
  const me = useSignedIn();
  const measurement = useQuery({
    queryKey: organisationMeasurementKey(organisationId),
    queryFn: ({ signal }) => fetchOrganisationMeasurement(organisationId, signal),
    retry: retryUnlessRefused,
  });
  if (measurement.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!measurement.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.organisation.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.loadFailed')}
          error={measurement.error}
          refused={t('measurement.organisation.notAllowed')}
          onRetry={() => void measurement.refetch()}
        />
      </div>
    );
  }
  const data = measurement.data;
  return (
    <div className="measurement-page">
      <PageHeading>{t('measurement.organisation.title')}</PageHeading>
      <p className="form-page__lead">{t('measurement.organisation.lead')}</p>
      {data.programs.length === 0 ? <p>{t('measurement.organisation.noFigures')}</p> : null}
      <ul className="measurement-list">
        {data.programs.map((program) => (
          <li key={program.programId} className="measurement-card">
            <h2 className="measurement-card__title">{program.name}</h2>
            <Latest program={program} />
            <Link to={`/programs/${program.programId}/measurement`} className="measurement-link">
              {t('measurement.organisation.dashboardLink', { program: program.name })}
            </Link>
          </li>
        ))}
      </ul>
      {publishesFor(me.data?.roles, organisationId) ? (
        <PublicPageSetting measurement={data} />
      ) : null}
    </div>
  );
}
