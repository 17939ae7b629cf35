import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseSummary, StarterCourse } from '../../../shared/training/contract.ts';
import { ApiError, NetworkError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { holdsIn } from '../conferences/roles.ts';
import { fetchProgram, programKey } from '../organisations/api.ts';
import {
  addStarterCourse,
  fetchProgramCourses,
  fetchStarterCourses,
  importCourse,
  programCoursesKey,
  starterCoursesKey,
  trainingKey,
} from './api.ts';
import { managingRoles } from './roles.ts';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './training.css';

function CourseList({ courses }: { courses: readonly CourseSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="training-list">
      {courses.map((course) => {
        const title = pickText(course.title, i18n.language);
        return (
          <li key={course.id} className="training-card">
            <h2 className="training-card__title" lang={title.lang}>
              <Link to={`/courses/${course.id}`}>{title.text}</Link>
            </h2>
            <dl className="training-facts training-facts--compact">
              <div>
                <dt>{t('training.courses.topic')}</dt>
                <dd>{t(`training.topics.${course.topic}`)}</dd>
              </div>
              <div>
                <dt>{t('training.courses.length')}</dt>
                <dd>{t('training.minutes', { count: course.minutes })}</dd>
              </div>
              <div>
                <dt>{t('training.courses.versionLabel')}</dt>
                <dd>{course.version}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function StarterItem({ programId, starter }: { programId: string; starter: StarterCourse }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [problem, setProblem] = useState('');
  const title = pickText(starter.title, i18n.language);
  const summary = pickText(starter.summary, i18n.language);
  const adding = useMutation({
    mutationFn: () => addStarterCourse(programId, starter.slug),
    onSuccess: async () => {
      setProblem('');
      showToast({ title: t('training.courses.starter.addedToast', { title: title.text }) });
      await queryClient.invalidateQueries({ queryKey: trainingKey });
    },
    onError: (error) => setProblem(refusalMessage(error, t).join(' ')),
  });
  return (
    <li className="training-card">
      <h3 id={titleId} className="training-card__title" lang={title.lang}>
        {title.text}
      </h3>
      <p lang={summary.lang}>{summary.text}</p>
      <p className="training-muted">{t('training.minutes', { count: starter.minutes })}</p>
      {starter.added ? (
        <p>
          <span className="badge badge--sage">{t('training.courses.starter.added')}</span>
        </p>
      ) : (
        <Button
          variant="secondary"
          aria-describedby={titleId}
          isBusy={adding.isPending}
          onPress={() => {
            if (!adding.isPending) adding.mutate();
          }}
        >
          {t('training.courses.starter.add')}
        </Button>
      )}
      {problem ? (
        <p role="alert" className="training-problem">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

function StarterCurriculum({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const starters = useQuery({
    queryKey: starterCoursesKey(programId),
    queryFn: ({ signal }) => fetchStarterCourses(programId, signal),
    retry: retryUnlessRefused,
  });
  return (
    <section className="training-section" aria-labelledby="training-starter">
      <h2 id="training-starter">{t('training.courses.starter.heading')}</h2>
      <p>{t('training.courses.starter.lead')}</p>
      {starters.isPending ? <p>{t('app.loading')}</p> : null}
      {starters.isError ? (
        <LoadProblem
          failed={t('training.courses.starter.loadFailed')}
          error={starters.error}
          refused={t('training.courses.notAllowed')}
          onRetry={() => void starters.refetch()}
        />
      ) : null}
      {starters.data ? (
        <ul className="training-list">
          {starters.data.map((starter) => (
            <StarterItem key={starter.slug} programId={programId} starter={starter} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The server's refusal in words a coordinator can act on: each field's message, or the detail. */
function refusalMessage(error: unknown, t: TFunction): string[] {
  if (error instanceof NetworkError) return [t('forms.network')];
  if (!(error instanceof ApiError)) return [t('forms.failed')];
  if (error.status === 400 && error.fieldProblems.length > 0) {
    return error.fieldProblems.map((problem) =>
      problem.field
        ? `${t('training.courses.import.atField', { field: problem.field })} ${problem.message}`
        : problem.message,
    );
  }
  if ((error.status === 400 || error.status === 409) && error.problem?.detail) {
    return [error.problem.detail];
  }
  if (error.status === 401) return [t('forms.signedOut')];
  if (error.status === 403) return [t('forms.forbidden')];
  if (error.status === 413) return [t('training.courses.import.tooLarge')];
  return [t('forms.failed')];
}

function ImportCourse({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const helpId = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const importing = useMutation({
    mutationFn: (courseFile: unknown) => importCourse(programId, courseFile),
    onSuccess: async (detail) => {
      setProblems([]);
      const title = pickText(detail.title, i18n.language).text;
      showToast({ title: t('training.courses.import.imported', { title }) });
      await queryClient.invalidateQueries({ queryKey: trainingKey });
    },
    onError: (error) => setProblems(refusalMessage(error, t)),
  });
  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file || importing.isPending) return;
    let courseFile: unknown;
    try {
      courseFile = JSON.parse(await file.text());
    } catch {
      importing.reset();
      setProblems([t('training.courses.import.notJson')]);
      input.value = '';
      return;
    }
    // Cleared, so that choosing the same file again after correcting it sends it again.
    input.value = '';
    setProblems([]);
    importing.mutate(courseFile);
  };
  const refused =
    importing.error instanceof ApiError &&
    (importing.error.status === 400 || importing.error.status === 409);
  return (
    <section className="training-section" aria-labelledby="training-import">
      <h2 id="training-import">{t('training.courses.import.heading')}</h2>
      <p>{t('training.courses.import.lead')}</p>
      <p id={helpId}>{t('training.courses.import.help')}</p>
      <div className="training-file">
        {/* The browser's own file control speaks its own language and is small on a phone: it
            stays for keyboards and screen readers, and its label is what a thumb presses. */}
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-describedby={helpId}
          disabled={importing.isPending}
          onChange={(event) => void onChoose(event)}
        />
        <label htmlFor={inputId} className={buttonClassName('secondary')}>
          {t('training.courses.import.label')}
        </label>
      </div>
      <p aria-live="polite" className="training-muted">
        {importing.isPending ? t('training.courses.import.reading') : ''}
      </p>
      {problems.length > 0 ? (
        <div role="alert" className="training-problem">
          {refused ? <p>{t('training.courses.import.refused')}</p> : null}
          <ul>
            {problems.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** /programs/:programId/courses: a program's courses, and for its managers ways to add more. */
export function ProgramCoursesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const courses = useQuery({
    queryKey: programCoursesKey(programId),
    queryFn: ({ signal }) => fetchProgramCourses(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(
    name ? t('training.courses.heading', { program: name }) : t('training.courses.title'),
  );
  if (program.isPending || courses.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !courses.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('training.courses.title')}</PageHeading>
        <LoadProblem
          failed={t('training.courses.loadFailed')}
          error={program.error ?? courses.error}
          refused={t('training.courses.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void courses.refetch();
          }}
        />
      </div>
    );
  }
  const organisationIds = program.data.organisations.map((organisation) => organisation.id);
  const mayManage = holdsIn(me.data?.roles, managingRoles, programId, organisationIds);
  return (
    <div className="training-page">
      <PageHeading>{t('training.courses.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('training.courses.lead')}</p>
      {courses.data.length === 0 ? (
        <p>{t('training.courses.none')}</p>
      ) : (
        <CourseList courses={courses.data} />
      )}
      {mayManage ? (
        <>
          <p>
            <Link to={`/programs/${programId}/courses/new`} className={buttonClassName('primary')}>
              {t('training.courses.write')}
            </Link>
          </p>
          <StarterCurriculum programId={programId} />
          <ImportCourse programId={programId} />
        </>
      ) : null}
    </div>
  );
}
