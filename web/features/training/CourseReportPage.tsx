import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseReport } from '../../../shared/training/contract.ts';
import { learnerStatuses } from '../../../shared/training/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { courseReportCsvHref, courseReportKey, courseXapiHref, fetchCourseReport } from './api.ts';
import {
  CheckFigures,
  CompletionTable,
  LearnersTable,
  ScenarioFigures,
  SharedReflectionItem,
} from './report-parts.tsx';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import './training.css';

function Downloads({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'es' ? 'es' : 'en';
  return (
    <section className="report-downloads" aria-labelledby="report-downloads">
      <h2 id="report-downloads">{t('training.report.page.downloads')}</h2>
      <ul className="report-links">
        <li>
          <a href={courseReportCsvHref(courseId, language)} download className="training-link">
            {t('training.report.page.csv')}
          </a>
        </li>
        <li>
          <a
            href={courseXapiHref(courseId)}
            download
            className="training-link"
            aria-describedby="report-xapi-help"
          >
            {t('training.report.page.xapi')}
          </a>
          <p id="report-xapi-help" className="training-muted">
            {t('training.report.page.xapiHelp')}
          </p>
        </li>
      </ul>
    </section>
  );
}

function Totals({ report }: { report: CourseReport }) {
  const { t } = useTranslation();
  return (
    <section className="report-summary" aria-labelledby="report-totals">
      <h2 id="report-totals">{t('training.report.totals.heading')}</h2>
      <dl className="report-totals">
        <div>
          <dt>{t('training.report.totals.people')}</dt>
          <dd>{report.total.people}</dd>
        </div>
        {learnerStatuses.map((status) => (
          <div
            key={status}
            className={
              status === 'overdue' && report.total.overdue > 0 ? 'report-totals__late' : undefined
            }
          >
            <dt>{t(`training.report.totals.${status}`)}</dt>
            <dd>{report.total[status]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Figures({ report }: { report: CourseReport }) {
  const { t } = useTranslation();
  const noUnit = t('training.report.completion.noUnit');
  return (
    <>
      <Totals report={report} />
      {/* Not regions themselves: each table is one, named by its caption. */}
      <div className="training-section">
        <h2>{t('training.report.completion.byCohort')}</h2>
        <CompletionTable
          caption={t('training.report.completion.byCohort')}
          nameHeading={t('training.report.completion.cohort')}
          rows={report.cohorts.map((cohort) => ({
            key: cohort.cohortId,
            name: cohort.name,
            dueOn: cohort.dueOn,
            counts: cohort,
          }))}
        />
      </div>
      <div className="training-section">
        <h2>{t('training.report.completion.byUnit')}</h2>
        <CompletionTable
          caption={t('training.report.completion.byUnit')}
          nameHeading={t('training.report.completion.unit')}
          rows={report.units.map((unit) => ({
            key: `unit:${unit.unit}`,
            name: unit.unit || noUnit,
            counts: unit,
          }))}
        />
      </div>
      <section className="training-section" aria-labelledby="report-learners">
        <h2 id="report-learners">{t('training.report.learners.heading')}</h2>
        <LearnersTable learners={report.learners} />
      </section>
      {report.scenarios.length > 0 ? (
        <section className="training-section" aria-labelledby="report-scenarios">
          <h2 id="report-scenarios">{t('training.report.scenarios.heading')}</h2>
          {report.scenarios.map((scenario) => (
            <ScenarioFigures key={scenario.stepId} scenario={scenario} />
          ))}
        </section>
      ) : null}
      {report.checks.length > 0 ? (
        <section className="training-section" aria-labelledby="report-checks">
          <h2 id="report-checks">{t('training.report.checks.heading')}</h2>
          <ol className="report-checks">
            {report.checks.map((check) => (
              <CheckFigures key={check.stepId} check={check} />
            ))}
          </ol>
        </section>
      ) : null}
      {report.sharedReflections ? (
        <section className="training-section" aria-labelledby="report-reflections">
          <h2 id="report-reflections">{t('training.report.reflections.heading')}</h2>
          <p className="training-muted">{t('training.report.reflections.lead')}</p>
          {report.sharedReflections.length === 0 ? (
            <p>{t('training.report.reflections.none')}</p>
          ) : (
            <ul className="report-reflections">
              {report.sharedReflections.map((reflection) => (
                <SharedReflectionItem
                  key={`${reflection.learner}-${reflection.stepId}-${reflection.sharedAt}`}
                  reflection={reflection}
                />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

/** /courses/:courseId/report: who completed a course and what its learners chose. */
export function CourseReportPage() {
  const { t, i18n } = useTranslation();
  const { courseId = '' } = useParams();
  useSignedIn();
  const query = useQuery({
    queryKey: courseReportKey(courseId),
    queryFn: ({ signal }) => fetchCourseReport(courseId, signal),
    retry: retryUnlessRefused,
  });
  const title = query.data ? pickText(query.data.title, i18n.language) : undefined;
  useDocumentTitle(
    title
      ? t('training.report.page.documentTitle', { title: title.text })
      : t('training.report.page.title'),
  );
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!query.data || !title) {
    return (
      <div className="status-page">
        <PageHeading>{t('training.report.page.title')}</PageHeading>
        <LoadProblem
          failed={t('training.report.page.loadFailed')}
          error={query.error}
          refused={t('training.report.page.notAllowed')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const report = query.data;
  return (
    <div className="training-page report-page">
      <p className="training-eyebrow">
        {t('training.report.page.title')} ·{' '}
        <Link to={`/courses/${courseId}`}>{t('training.report.page.courseLink')}</Link>
      </p>
      <PageHeading>
        <span lang={title.lang}>{title.text}</span>
      </PageHeading>
      <p className="form-page__lead">{t('training.report.page.lead')}</p>
      <p className="report-private">{t('training.report.page.private')}</p>
      {report.total.people === 0 ? (
        <p>{t('training.report.page.empty')}</p>
      ) : (
        <>
          <Downloads courseId={courseId} />
          <Figures report={report} />
        </>
      )}
    </div>
  );
}
