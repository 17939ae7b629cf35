import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SurveySummary } from '../../../shared/measurement/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { holdsIn } from '../conferences/roles.ts';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchProgramSurveys, programSurveysKey } from './api.ts';
import { managingRoles } from './roles.ts';
import { SurveyStateMark } from './SurveyStateMark.tsx';
import { pickTranslation } from './survey-form.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

/** Open surveys first, then upcoming, then closed; newest first within each. */
const stateOrder = { open: 0, upcoming: 1, closed: 2 } as const;

function SurveyList({ surveys }: { surveys: readonly SurveySummary[] }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatDateTime();
  const sorted = [...surveys].sort(
    (a, b) => stateOrder[a.state] - stateOrder[b.state] || b.opensAt.localeCompare(a.opensAt),
  );
  return (
    <ul className="measurement-list">
      {sorted.map((survey) => (
        <li key={survey.id} className={`measurement-card measurement-card--${survey.state}`}>
          <h2 className="measurement-card__title">
            <Link to={`/surveys/${survey.id}`}>{pickTranslation(survey.title, i18n.language)}</Link>
          </h2>
          <div className="measurement-card__marks">
            <SurveyStateMark state={survey.state} />
            <span className="badge">{t(`measurement.kinds.${survey.kind}`)}</span>
          </div>
          <dl className="measurement-facts measurement-facts--compact">
            <div>
              <dt>{t('measurement.surveys.opens')}</dt>
              <dd>{formatTime(survey.opensAt)}</dd>
            </div>
            <div>
              <dt>{t('measurement.surveys.closes')}</dt>
              <dd>
                {survey.closesAt
                  ? formatTime(survey.closesAt)
                  : t('measurement.surveys.openUntilClosed')}
              </dd>
            </div>
          </dl>
          <p className="measurement-card__count">
            {t('measurement.surveys.responses', { count: survey.responses })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** /programs/:programId/surveys: a program's surveys, with a way to set up a new one. */
export function ProgramSurveysPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const surveys = useQuery({
    queryKey: programSurveysKey(programId),
    queryFn: ({ signal }) => fetchProgramSurveys(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(
    name ? t('measurement.surveys.heading', { program: name }) : t('measurement.surveys.title'),
  );
  if (program.isPending || surveys.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !surveys.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.surveys.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.loadFailed')}
          error={program.error ?? surveys.error}
          refused={t('measurement.surveys.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void surveys.refetch();
          }}
        />
      </div>
    );
  }
  const organisationIds = program.data.organisations.map((organisation) => organisation.id);
  const mayManage = holdsIn(me.data?.roles, managingRoles, programId, organisationIds);
  return (
    <div className="measurement-page">
      <PageHeading>{t('measurement.surveys.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('measurement.surveys.lead')}</p>
      <div className="measurement-actions">
        {mayManage ? (
          <Link to={`/programs/${programId}/surveys/new`} className={buttonClassName('primary')}>
            {t('measurement.surveys.new')}
          </Link>
        ) : null}
        <Link to={`/programs/${programId}/measurement`} className={buttonClassName('secondary')}>
          {t('measurement.surveys.dashboardLink', { program: program.data.name })}
        </Link>
      </div>
      {surveys.data.length === 0 ? (
        <p>{t('measurement.surveys.none')}</p>
      ) : (
        <SurveyList surveys={surveys.data} />
      )}
    </div>
  );
}
