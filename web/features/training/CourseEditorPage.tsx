import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type FormEvent,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import type { CourseDetail, SaveCourseBody } from '../../../shared/training/contract.ts';
import { COURSE_FILE_FORMAT, COURSE_FILE_VERSION } from '../../../shared/training/course-file.ts';
import { ApiError, type FieldProblem } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure } from '../../ui/useFormProblems.tsx';
import { courseKey, createCourse, fetchCourse, saveCourse, trainingKey } from './api.ts';
import { AboutFields } from './editor-about.tsx';
import { LeaveDialog, RemoveDialog } from './editor-dialogs.tsx';
import { anchorName } from './editor-field-names.ts';
import { EditorContext, type EditorTools } from './editor-fields.tsx';
import { editorAnchors, editorMessage, fieldId, placeProblems } from './editor-problems.ts';
import { ScenarioEditor } from './editor-scenarios.tsx';
import { courseToSend } from './editor-send.ts';
import {
  type EditorAction,
  type EditorState,
  editorReducer,
  newCourseState,
  stateFromCourse,
} from './editor-state.ts';
import { ModuleEditor } from './editor-steps.tsx';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './training.css';

/** What the last save attempt left to show: the server's messages, or a refusal as a whole. */
interface Refusal {
  attempt: number;
  problems: FieldProblem[];
  /** The edits' structure count when they came: positions in their fields hold until it moves. */
  structure: number;
  message?: string;
  /** Someone saved a newer version meanwhile. */
  conflict: boolean;
}

interface CourseEditorProps {
  initial: EditorState;
  /** Where the course is saved: a new one in a program, or a new version of one. */
  target:
    | { kind: 'new'; programId: string }
    | { kind: 'version'; courseId: string; basedOn: number };
}

function CourseEditor({ initial, target }: CourseEditorProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(editorReducer, initial);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [removing, setRemoving] = useState<{ what: string; action: EditorAction } | null>(null);
  const isNew = target.kind === 'new';
  const { course } = state;

  // Leaving within the app asks first while there are unsaved changes; a save leaves freely.
  const saved = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      state.changed && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  // The browser asks before closing or reloading the page while there are unsaved changes.
  useEffect(() => {
    if (!state.changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.changed]);

  const saving = useMutation({
    mutationFn: (draft: EditorState): Promise<CourseDetail> => {
      // Sent as typed, blanks left out: the server names every problem by its field.
      const sent = courseToSend(draft.course) as SaveCourseBody['course'];
      return target.kind === 'new'
        ? createCourse(target.programId, {
            format: COURSE_FILE_FORMAT,
            formatVersion: COURSE_FILE_VERSION,
            slug: draft.slug.trim(),
            course: sent,
          })
        : saveCourse(target.courseId, { basedOn: target.basedOn, course: sent });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving.isPending) return;
    const structure = state.structure;
    const attempt = (refusal?.attempt ?? 0) + 1;
    saving.mutate(state, {
      onSuccess: async (detail) => {
        saved.current = true;
        dispatch({ type: 'saved' });
        setRefusal(null);
        const title = pickText(detail.title, i18n.language).text;
        showToast({
          title: isNew
            ? t('training.editor.save.created', { title })
            : t('training.editor.save.saved', { title, version: detail.version }),
        });
        queryClient.setQueryData(courseKey(detail.id), detail);
        await queryClient.invalidateQueries({ queryKey: trainingKey });
        void navigate(`/courses/${detail.id}`);
      },
      onError: (error) => {
        const base = { attempt, structure, problems: [], conflict: false };
        if (error instanceof ApiError && error.status === 409) {
          if (error.problem?.code === 'slug_taken') {
            setRefusal({
              ...base,
              problems: [
                { field: 'slug', code: 'slug_taken', message: error.problem.detail ?? '' },
              ],
            });
          } else {
            setRefusal({ ...base, conflict: true });
          }
          return;
        }
        if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) {
          setRefusal({ ...base, problems: error.fieldProblems });
          return;
        }
        setRefusal({ ...base, message: describeFailure(t, error, {}).message });
      },
    });
  }

  const anchors = useMemo(() => editorAnchors(course, isNew), [course, isNew]);
  const inPlace = refusal !== null && refusal.structure === state.structure;
  // Messages in the reader's language, placed by anchor; joined where several share one.
  const placed = useMemo(() => {
    if (!refusal || refusal.structure !== state.structure) return null;
    const messages = refusal.problems.map((problem) => ({
      field: problem.field,
      message:
        problem.code === 'slug_taken'
          ? t('training.editor.save.slugTaken')
          : editorMessage(t, problem, course),
    }));
    return placeProblems(messages, anchors);
  }, [refusal, state.structure, anchors, course, t]);
  const placedKey = JSON.stringify(
    placed ? [...placed.byAnchor].map(([anchor, messages]) => [anchor, messages.join(' ')]) : [],
  );

  const confirmRemove = useCallback(
    (what: string, action: EditorAction) => setRemoving({ what, action }),
    [],
  );
  const { languages } = course;
  const tools = useMemo((): EditorTools => {
    const byAnchor = new Map(JSON.parse(placedKey) as [string, string][]);
    return { dispatch, languages, problemAt: (anchor) => byAnchor.get(anchor), confirmRemove };
  }, [placedKey, languages, confirmRemove]);

  const summary = refusal ? (
    <>
      <ErrorSummary
        title={placed && placed.byAnchor.size > 0 ? t('forms.errorSummary') : undefined}
        message={
          refusal.conflict
            ? t('training.editor.save.conflict')
            : (refusal.message ??
              (inPlace
                ? [t('training.editor.save.refused'), ...(placed?.elsewhere ?? [])].join(' ')
                : t('training.editor.save.moved')))
        }
        items={[...(placed?.byAnchor ?? [])].map(([anchor, messages]) => ({
          fieldId: fieldId(anchor),
          message: `${anchorName(t, anchor, course)}: ${messages.join(' ')}`,
        }))}
        attempt={refusal.attempt}
      />
      {refusal.conflict && target.kind === 'version' ? (
        <p>
          <a
            href={`/courses/${encodeURIComponent(target.courseId)}`}
            target="_blank"
            rel="noopener"
            className="training-link"
          >
            {t('training.editor.save.openNewest')}
          </a>
        </p>
      ) : null}
    </>
  ) : null;

  return (
    <EditorContext.Provider value={tools}>
      {summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form editor-form">
        <AboutFields state={state} isNew={isNew} />
        <section className="editor-section" aria-labelledby="editor-modules">
          <h2 id="editor-modules">{t('training.editor.parts.modulesHeading')}</h2>
          {course.modules.map((module, index) => (
            <ModuleEditor
              key={module.id}
              module={module}
              index={index}
              count={course.modules.length}
              scenarios={course.scenarios}
            />
          ))}
          <div className="editor-actions">
            <Button
              variant="secondary"
              onPress={() => dispatch({ type: 'add', at: { list: 'modules' } })}
            >
              {t('training.editor.parts.addModule')}
            </Button>
          </div>
        </section>
        <section className="editor-section" aria-labelledby="editor-scenarios">
          <h2 id="editor-scenarios">{t('training.editor.scenarios.heading')}</h2>
          <p className="training-muted">{t('training.editor.scenarios.lead')}</p>
          {course.scenarios.length === 0 ? <p>{t('training.editor.scenarios.none')}</p> : null}
          {course.scenarios.map((scenario, index) => (
            <ScenarioEditor
              key={scenario.id}
              scenario={scenario}
              index={index}
              count={course.scenarios.length}
            />
          ))}
          <div className="editor-actions">
            <Button
              variant="secondary"
              onPress={() => dispatch({ type: 'add', at: { list: 'scenarios' } })}
            >
              {t('training.editor.scenarios.add')}
            </Button>
          </div>
        </section>
        <div className="editor-save">
          <FormActions
            submit={isNew ? t('training.editor.save.create') : t('training.editor.save.save')}
            isBusy={saving.isPending}
            cancel={{
              label: t('training.editor.save.cancel'),
              onPress: () =>
                void navigate(
                  target.kind === 'new'
                    ? `/programs/${target.programId}/courses`
                    : `/courses/${target.courseId}`,
                ),
            }}
          >
            {state.changed ? (
              <span className="editor-unsaved">{t('training.editor.save.unsaved')}</span>
            ) : null}
          </FormActions>
        </div>
      </Form>
      <LeaveDialog blocker={blocker} />
      <RemoveDialog
        what={removing?.what}
        onRemove={() => {
          if (removing) dispatch(removing.action);
        }}
        onClose={() => setRemoving(null)}
      />
    </EditorContext.Provider>
  );
}

/** /programs/:programId/courses/new: a course written from a small, whole skeleton. */
export function NewCoursePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  useSignedIn();
  useDocumentTitle(t('training.editor.newTitle'));
  const [initial] = useState(newCourseState);
  return (
    <div className="training-page editor-page">
      <p className="training-eyebrow">
        <Link to={`/programs/${programId}/courses`}>{t('training.editor.backToCourses')}</Link>
      </p>
      <PageHeading>{t('training.editor.newTitle')}</PageHeading>
      <p className="form-page__lead">{t('training.editor.lead')}</p>
      <CourseEditor initial={initial} target={{ kind: 'new', programId }} />
    </div>
  );
}

/** /courses/:courseId/edit: the course's latest version, saved as the next one. */
export function EditCoursePage() {
  const { t, i18n } = useTranslation();
  const { courseId = '' } = useParams();
  useSignedIn();
  const query = useQuery({
    queryKey: courseKey(courseId),
    queryFn: ({ signal }) => fetchCourse(courseId, signal),
    retry: retryUnlessRefused,
    // What is being edited stays as it was opened; a newer version is the save's 409 to tell.
    refetchOnWindowFocus: false,
  });
  const [opened, setOpened] = useState<CourseDetail | null>(null);
  if (query.data && opened?.id !== query.data.id) setOpened(query.data);
  const title = opened ? pickText(opened.course.title, i18n.language) : undefined;
  useDocumentTitle(
    title?.text
      ? t('training.editor.editTitle', { title: title.text })
      : t('training.editor.editFallback'),
  );
  if (query.isPending && !opened) return <p className="page-loading">{t('app.loading')}</p>;
  if (!opened || !title || !opened.canManage) {
    return (
      <div className="status-page">
        <PageHeading>{t('training.editor.editFallback')}</PageHeading>
        <LoadProblem
          failed={t('training.course.loadFailed')}
          error={opened ? new ApiError(403, undefined, false) : query.error}
          refused={t('training.course.notAllowed')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="training-page editor-page">
      <p className="training-eyebrow">
        <Link to={`/courses/${opened.id}`}>{t('training.editor.backToCourse')}</Link>
      </p>
      <PageHeading>
        {t('training.editor.editTitle', { title: title.text || opened.slug })}
      </PageHeading>
      <p className="form-page__lead">{t('training.editor.lead')}</p>
      <p className="training-muted">
        {t('training.editor.basedOn', { version: opened.version, next: opened.version + 1 })}
      </p>
      <CourseEditor
        key={opened.id}
        initial={stateFromCourse(opened.course, opened.slug)}
        target={{ kind: 'version', courseId: opened.id, basedOn: opened.version }}
      />
    </div>
  );
}
