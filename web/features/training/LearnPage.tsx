import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Learning, StepBody } from '../../../shared/training/contract.ts';
import { ApiError, NetworkError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchLearning, learningKey, myTrainingKey, shareReflection, takeStep } from './api.ts';
import { CertificatePanel, SurveyLink } from './learn-certificate.tsx';
import { CheckStepView } from './learn-check.tsx';
import { DueDate, ProgressBar } from './learn-parts.tsx';
import { ScenarioStepView } from './learn-scenario.tsx';
import type { StepViewProps } from './learn-step-props.ts';
import {
  PracticeCircleStepView,
  ReflectionStepView,
  TextStepView,
  VideoStepView,
} from './learn-step-views.tsx';
import {
  firstOpenStep,
  isProgressRefusal,
  type PlacedStep,
  placedSteps,
  stepAfter,
} from './learn-steps.ts';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import './training.css';

/** Why a step was not taken, in the page's language; nothing the learner typed is touched. */
function problemWords(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('forms.network');
  if (!(error instanceof ApiError)) return t('forms.failed');
  if (error.status === 409) {
    const code = error.problem?.code;
    if (isProgressRefusal(code)) return t(`training.learn.course.refusals.${code}`);
    return error.problem?.detail ?? t('forms.failed');
  }
  if (error.status === 400) {
    return error.fieldProblems[0]?.message ?? error.problem?.detail ?? t('forms.failed');
  }
  if (error.status === 401) return t('forms.signedOut');
  if (error.status === 403 || error.status === 404) return t('training.learn.course.notAllowed');
  if (error.status === 429) return t('forms.tooMany');
  return t('forms.failed');
}

function StepContent({
  placed,
  ...props
}: { placed: PlacedStep } & Omit<StepViewProps<'text'>, 'step'>) {
  const { step } = placed;
  switch (step.type) {
    case 'text':
      return <TextStepView {...props} step={step} />;
    case 'video':
      return <VideoStepView {...props} step={step} />;
    case 'reflection':
      return <ReflectionStepView {...props} step={step} />;
    case 'check':
      return <CheckStepView {...props} step={step} />;
    case 'scenario':
      return <ScenarioStepView {...props} step={step} />;
    case 'practice_circle':
      return <PracticeCircleStepView {...props} step={step} />;
  }
}

/** "Where am I": every step by module and lesson, done or not, each a way to go there. */
function Outline({
  steps,
  done,
  current,
  onGo,
}: {
  steps: readonly PlacedStep[];
  done: readonly string[];
  current: number;
  onGo: (index: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const modules = [...new Set(steps.map((one) => one.module))];
  return (
    <details
      className="training-details learn-outline"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        {t('training.learn.course.outline.summary', {
          number: current + 1,
          total: steps.length,
        })}
      </summary>
      <nav aria-label={t('training.learn.course.outline.label')}>
        <ol className="learn-outline__modules">
          {modules.map((module) => {
            const inModule = steps.filter((one) => one.module === module);
            const lessons = [...new Set(inModule.map((one) => one.lesson))];
            const moduleTitle = pickText(module.title, i18n.language);
            return (
              <li key={module.id}>
                <p className="learn-outline__module">
                  {t('training.learn.course.outline.moduleNumber', {
                    number: (inModule[0]?.moduleIndex ?? 0) + 1,
                    title: moduleTitle.text,
                  })}
                </p>
                <ol className="learn-outline__lessons">
                  {lessons.map((lesson) => (
                    <li key={lesson.id}>
                      <p className="learn-outline__lesson">
                        {pickText(lesson.title, i18n.language).text}
                      </p>
                      <ol className="learn-outline__steps">
                        {inModule
                          .filter((one) => one.lesson === lesson)
                          .map((one) => {
                            const isDone = done.includes(one.step.id);
                            const here = one.index === current;
                            const state = here
                              ? t('training.learn.course.outline.here')
                              : isDone
                                ? t('training.learn.course.outline.done')
                                : t('training.learn.course.outline.notDone');
                            return (
                              <li key={one.step.id}>
                                <Button
                                  variant="quiet"
                                  className={`learn-outline__step${isDone ? ' learn-outline__step--done' : ''}`}
                                  aria-current={here ? 'step' : undefined}
                                  onPress={() => {
                                    setOpen(false);
                                    onGo(one.index);
                                  }}
                                >
                                  <span className="learn-outline__mark" aria-hidden="true">
                                    {isDone ? '✓' : ''}
                                  </span>
                                  <span>
                                    {t('training.learn.course.outline.step', {
                                      number: one.index + 1,
                                      kind: t(`training.learn.course.kinds.${one.step.type}`),
                                    })}
                                    <span className="learn-outline__state"> · {state}</span>
                                  </span>
                                </Button>
                              </li>
                            );
                          })}
                      </ol>
                    </li>
                  ))}
                </ol>
              </li>
            );
          })}
        </ol>
      </nav>
    </details>
  );
}

function Completed({ learning, completedAt }: { learning: Learning; completedAt: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <section className="learn-completed" aria-labelledby="learn-completed">
      <h2 id="learn-completed" className="learn-completed__heading">
        {t('training.learn.course.completedHeading')}
      </h2>
      <p>{t('training.learn.course.completedBody', { date: formatDate(completedAt) })}</p>
      {learning.certificate ? (
        <CertificatePanel enrolmentId={learning.enrolmentId} certificate={learning.certificate} />
      ) : null}
    </section>
  );
}

function StepCard({
  placed,
  total,
  learning,
  headingRef,
  ...props
}: {
  placed: PlacedStep;
  total: number;
  learning: Learning;
  headingRef: RefObject<HTMLHeadingElement | null>;
} & Omit<StepViewProps<'text'>, 'step' | 'learning'>) {
  const { t, i18n } = useTranslation();
  const moduleTitle = pickText(placed.module.title, i18n.language);
  const lessonTitle = pickText(placed.lesson.title, i18n.language);
  const done = learning.done.includes(placed.step.id);
  return (
    <section
      className={`learn-step learn-step--${placed.step.type}`}
      aria-labelledby="learn-step-heading"
    >
      <p className="training-eyebrow">
        {t('training.learn.course.moduleNumber', { number: placed.moduleIndex + 1 })}
        {' · '}
        <span lang={moduleTitle.lang}>{moduleTitle.text}</span>
      </p>
      <h2
        id="learn-step-heading"
        className="learn-step__heading"
        ref={headingRef}
        tabIndex={-1}
        lang={lessonTitle.lang}
      >
        {lessonTitle.text}
      </h2>
      <p className="learn-step__where">
        {t('training.learn.course.stepOf', { number: placed.index + 1, total })}
        {' · '}
        {t(`training.learn.course.kinds.${placed.step.type}`)}
        {done ? (
          <>
            {' '}
            <span className="badge badge--sage">{t('training.learn.course.doneMark')}</span>
          </>
        ) : null}
      </p>
      <StepContent placed={placed} learning={learning} {...props} />
    </section>
  );
}

/** /training/:enrolmentId: a course of the learner's own, taken one step at a time. */
export function LearnPage() {
  const { t, i18n } = useTranslation();
  const { enrolmentId = '' } = useParams();
  useSignedIn();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: learningKey(enrolmentId),
    queryFn: ({ signal }) => fetchLearning(enrolmentId, signal),
    retry: retryUnlessRefused,
  });
  const [chosenStep, setChosenStep] = useState<number | null>(null);
  const [problem, setProblem] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepsNavRef = useRef<HTMLElement>(null);
  const focusStep = useRef(false);
  const stepping = useMutation({
    mutationFn: (body: StepBody) => takeStep(enrolmentId, body),
  });
  const sharing = useMutation({
    mutationFn: ({ stepId, shared }: { stepId: string; shared: boolean }) =>
      shareReflection(enrolmentId, stepId, shared),
  });

  const steps = query.data ? placedSteps(query.data.course) : [];
  const current = chosenStep ?? firstOpenStep(steps, query.data?.done ?? []);

  // A new step's heading takes focus, so that a screen reader starts reading it there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: again each time the step changes
  useLayoutEffect(() => {
    if (!focusStep.current) return;
    focusStep.current = false;
    headingRef.current?.focus();
  }, [current]);

  const title = query.data ? pickText(query.data.course.title, i18n.language) : undefined;
  useDocumentTitle(title?.text || t('training.learn.course.title'));
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!query.data || !title) {
    return (
      <div className="status-page">
        <PageHeading>{t('training.learn.course.title')}</PageHeading>
        <LoadProblem
          failed={t('training.learn.course.loadFailed')}
          error={query.error}
          refused={t('training.learn.course.notAllowed')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const learning = query.data;
  const placed = steps[current] ?? steps[0];

  const goTo = (index: number) => {
    setProblem('');
    focusStep.current = true;
    setChosenStep(index);
  };
  const take = async (body: StepBody): Promise<Learning | undefined> => {
    // Stay on this step once it is done, for its feedback; "first not done" would move on.
    setChosenStep(current);
    setProblem('');
    setAnnouncement('');
    try {
      const after = await stepping.mutateAsync(body);
      queryClient.setQueryData(learningKey(enrolmentId), after);
      void queryClient.invalidateQueries({ queryKey: myTrainingKey, exact: true });
      if (after.completedAt && !learning.completedAt) {
        setAnnouncement(t('training.learn.course.completedNow'));
      }
      return after;
    } catch (error) {
      setProblem(problemWords(error, t));
      return undefined;
    }
  };

  const shareWritten = async (stepId: string, shared: boolean) => {
    setProblem('');
    try {
      const after = await sharing.mutateAsync({ stepId, shared });
      queryClient.setQueryData(learningKey(enrolmentId), after);
      return after;
    } catch (error) {
      setProblem(problemWords(error, t));
      return undefined;
    }
  };

  return (
    <div className="training-page learn-page">
      <p className="training-eyebrow">
        <Link to="/training">{t('training.learn.course.back')}</Link>
      </p>
      <PageHeading>
        <span lang={title.lang}>{title.text}</span>
      </PageHeading>
      <p className="training-muted">
        {t('training.learn.course.minutes', { count: learning.minutes })}
      </p>
      {learning.completedAt ? (
        <Completed learning={learning} completedAt={learning.completedAt} />
      ) : (
        <DueDate dueOn={learning.dueOn} overdue={learning.overdue} />
      )}
      {learning.beforeAfter && learning.done.length === 0 ? (
        <SurveyLink links={learning.beforeAfter} side="before" />
      ) : null}
      {learning.beforeAfter && learning.completedAt ? (
        <SurveyLink links={learning.beforeAfter} side="after" />
      ) : null}
      <ProgressBar
        share={learning.shareDone}
        words={t('training.learn.course.stepsDone', {
          done: steps.filter((one) => learning.done.includes(one.step.id)).length,
          total: steps.length,
        })}
      />
      <Outline steps={steps} done={learning.done} current={current} onGo={goTo} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {placed ? (
        <StepCard
          key={placed.step.id}
          placed={placed}
          total={steps.length}
          learning={learning}
          headingRef={headingRef}
          take={take}
          shareWritten={shareWritten}
          busy={stepping.isPending || sharing.isPending}
          goOn={(after) => goTo(stepAfter(steps, after.done, current))}
          focusNext={() => {
            const next = stepsNavRef.current?.querySelector('button:last-of-type');
            if (next instanceof HTMLButtonElement && !next.disabled) next.focus();
            else headingRef.current?.focus();
          }}
          announce={setAnnouncement}
        />
      ) : null}
      {problem ? (
        <p role="alert" className="training-problem">
          {problem}
        </p>
      ) : null}
      <nav
        ref={stepsNavRef}
        className="learn-steps-nav"
        aria-label={t('training.learn.course.stepsNav')}
      >
        <Button variant="secondary" isDisabled={current === 0} onPress={() => goTo(current - 1)}>
          {t('training.learn.course.previous')}
        </Button>
        <Button
          variant="secondary"
          isDisabled={current >= steps.length - 1}
          onPress={() => goTo(current + 1)}
        >
          {t('training.learn.course.next')}
        </Button>
      </nav>
    </div>
  );
}
