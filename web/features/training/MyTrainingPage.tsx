import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import type { MyCourse } from '../../../shared/training/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useReachablePrograms } from '../organisations/useReachablePrograms.ts';
import { fetchMyTraining, myTrainingKey } from './api.ts';
import { DueDate, ProgressBar, percentOf } from './learn-parts.tsx';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './training.css';

/** 'training.read' (shared/permissions/table.ts): who may read a program's courses. */
const readingRoles: readonly Role[] = [
  'org_admin',
  'coordinator',
  'facilitator',
  'oversight_reviewer',
];

function CourseCard({ course }: { course: MyCourse }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const titleId = useId();
  const title = pickText(course.title, i18n.language);
  const completed = course.completedAt !== null;
  const action = completed
    ? t('training.learn.mine.lookBack')
    : course.shareDone > 0
      ? t('training.learn.mine.continue')
      : t('training.learn.mine.start');
  return (
    <li
      className={`training-card learn-card${course.overdue ? ' learn-card--overdue' : ''}${completed ? ' learn-card--completed' : ''}`}
    >
      <h3 id={titleId} className="training-card__title" lang={title.lang}>
        {title.text}
      </h3>
      <p className="training-muted">{t('training.minutes', { count: course.minutes })}</p>
      {course.completedAt ? (
        <p className="learn-due">
          <span className="badge badge--sage">
            {t('training.learn.mine.completedOn', { date: formatDate(course.completedAt) })}
          </span>{' '}
          {course.certificate?.renewalDue ? (
            <span className="badge badge--accent">
              {t('training.learnExtras.certificate.renewalBadge')}
            </span>
          ) : null}
        </p>
      ) : (
        <>
          <DueDate dueOn={course.dueOn} overdue={course.overdue} />
          <ProgressBar
            share={course.shareDone}
            words={t('training.learn.percentDone', { percent: percentOf(course.shareDone) })}
          />
        </>
      )}
      <Link
        to={`/training/${course.enrolmentId}`}
        className={`${buttonClassName(completed ? 'secondary' : 'primary')} learn-card__action`}
        aria-describedby={titleId}
      >
        {action}
      </Link>
    </li>
  );
}

function MyCourses() {
  const { t } = useTranslation();
  const courses = useQuery({
    queryKey: myTrainingKey,
    queryFn: ({ signal }) => fetchMyTraining(signal),
    retry: retryUnlessRefused,
  });
  if (courses.isPending) return <p>{t('app.loading')}</p>;
  if (!courses.data) {
    return (
      <LoadProblem
        failed={t('training.learn.mine.loadFailed')}
        error={courses.error}
        refused={t('training.learn.mine.notAllowed')}
        onRetry={() => void courses.refetch()}
      />
    );
  }
  if (courses.data.length === 0) {
    return (
      <section className="learn-empty" aria-labelledby="learn-empty">
        <h2 id="learn-empty" className="learn-empty__heading">
          {t('training.learn.mine.emptyHeading')}
        </h2>
        <p>{t('training.learn.mine.empty')}</p>
        <p>{t('training.learn.mine.emptyNext')}</p>
      </section>
    );
  }
  const toDo = courses.data.filter((course) => course.completedAt === null);
  const completed = courses.data.filter((course) => course.completedAt !== null);
  return (
    <>
      {toDo.length > 0 ? (
        <section aria-labelledby="learn-to-do">
          <h2 id="learn-to-do" className="learn-list-heading">
            {t('training.learn.mine.toDo')}
          </h2>
          <ul className="training-list">
            {toDo.map((course) => (
              <CourseCard key={course.enrolmentId} course={course} />
            ))}
          </ul>
        </section>
      ) : null}
      {completed.length > 0 ? (
        <section aria-labelledby="learn-completed">
          <h2 id="learn-completed" className="learn-list-heading">
            {t('training.learn.mine.completed')}
          </h2>
          <ul className="training-list">
            {completed.map((course) => (
              <CourseCard key={course.enrolmentId} course={course} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The programs whose courses the person may read, each linked to its list of courses. */
function ProgramCourses({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  const programs = useReachablePrograms(roles);
  if (programs.length === 0) return null;
  return (
    <section className="training-section" aria-labelledby="learn-programs">
      <h2 id="learn-programs">{t('training.learn.mine.programs.heading')}</h2>
      <p>{t('training.learn.mine.programs.lead')}</p>
      <ul className="learn-links">
        {programs.map(([id, name]) => (
          <li key={id}>
            <Link to={`/programs/${id}/courses`} className="training-link">
              {t('training.courses.link', { program: name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /training: the courses assigned to the person, and the courses of the programs they read. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('training.learn.mine.title'));
  const me = useSignedIn();
  if (me.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!me.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('training.learn.mine.title')}</PageHeading>
        <LoadProblem
          failed={t('training.learn.mine.loadFailed')}
          error={me.error}
          refused={t('training.learn.mine.notAllowed')}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  const reading = me.data.roles.filter((role) => readingRoles.includes(role.role));
  return (
    <div className="training-page">
      <PageHeading>{t('training.learn.mine.title')}</PageHeading>
      <p className="form-page__lead">{t('training.learn.mine.lead')}</p>
      <MyCourses />
      {reading.length > 0 ? <ProgramCourses roles={reading} /> : null}
    </div>
  );
}
