import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseDetail } from '../../../shared/training/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { holdsIn } from '../conferences/roles.ts';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { cohortsKey, fetchCohorts } from './api.ts';
import { AssignCourse } from './cohort-assign.tsx';
import { reportingRoles } from './roles.ts';

/** Whether the signed-in person may read the course's report, in its program. */
function useMayReadReport(programId: string): boolean {
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const organisationIds = (program.data?.organisations ?? []).map(({ id }) => id);
  return holdsIn(me.data?.roles, reportingRoles, programId, organisationIds);
}

/** The course's cohorts, a way to its report, and for its managers a way to assign it. */
export function CohortsSection({ detail }: { detail: CourseDetail }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const mayReadReport = useMayReadReport(detail.programId);
  const cohorts = useQuery({
    queryKey: cohortsKey(detail.id),
    queryFn: ({ signal }) => fetchCohorts(detail.id, signal),
    retry: retryUnlessRefused,
  });
  return (
    <>
      <section className="training-section" aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t('training.report.cohorts.heading')}</h2>
        <p>{t('training.report.cohorts.lead')}</p>
        {cohorts.isPending ? <p>{t('app.loading')}</p> : null}
        {cohorts.isError ? (
          <LoadProblem
            failed={t('training.report.cohorts.loadFailed')}
            error={cohorts.error}
            refused={t('training.course.notAllowed')}
            onRetry={() => void cohorts.refetch()}
          />
        ) : null}
        {cohorts.data?.length === 0 ? <p>{t('training.report.cohorts.none')}</p> : null}
        {cohorts.data && cohorts.data.length > 0 ? (
          <ul className="cohort-list">
            {cohorts.data.map((cohort) => (
              <li key={cohort.id} className="cohort-item">
                <h3 className="cohort-item__name">{cohort.name}</h3>
                <p className="cohort-item__facts">
                  <span>{t('training.report.cohorts.due', { date: formatDay(cohort.dueOn) })}</span>
                  <span>
                    {t('training.report.cohorts.version', { version: cohort.courseVersion })}
                  </span>
                  <span>
                    {t('training.report.cohorts.completedOf', {
                      completed: cohort.completed,
                      people: cohort.people,
                    })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        {mayReadReport ? (
          <p className="cohort-report">
            <Link
              to={`/courses/${detail.id}/report`}
              className={buttonClassName('secondary')}
              aria-describedby="cohort-report-help"
            >
              {t('training.report.cohorts.report')}
            </Link>{' '}
            <span id="cohort-report-help" className="training-muted">
              {t('training.report.cohorts.reportHelp')}
            </span>
          </p>
        ) : null}
      </section>
      {detail.canManage ? <AssignCourse courseId={detail.id} /> : null}
    </>
  );
}
