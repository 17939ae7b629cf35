import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseDetail } from '../../../shared/training/contract.ts';
import type {
  CourseContent,
  Lesson,
  Scenario,
  Step,
  Translated,
} from '../../../shared/training/course.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { courseExportHref, courseKey, fetchCourse } from './api.ts';
import { BeforeAfterSection } from './BeforeAfterSection.tsx';
import { CohortsSection } from './cohort-section.tsx';
import { Markdown } from './markdown.tsx';
import { situationsInOrder } from './scenario-order.ts';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './training.css';

/** A course text in the page's language, marked with its own when it had to fall back. */
function Words({ text, as = 'span' }: { text: Translated; as?: 'span' | 'p' | 'div' }) {
  const { i18n } = useTranslation();
  const picked = pickText(text, i18n.language);
  const Tag = as;
  return <Tag lang={picked.lang}>{picked.text}</Tag>;
}

/** Plain text whose blank lines part paragraphs: situations, feedback, consequences. */
function Paragraphs({ text }: { text: Translated }) {
  const { i18n } = useTranslation();
  const picked = pickText(text, i18n.language);
  return (
    <div lang={picked.lang}>
      {picked.text
        .split(/\n\s*\n/)
        .filter((part) => part.trim() !== '')
        .map((part) => (
          <p key={part}>{part}</p>
        ))}
    </div>
  );
}

function Facts({ detail }: { detail: CourseDetail }) {
  const { t } = useTranslation();
  const { course } = detail;
  return (
    <dl className="training-facts">
      <div>
        <dt>{t('training.course.facts.topic')}</dt>
        <dd>{t(`training.topics.${course.topic}`)}</dd>
      </div>
      <div>
        <dt>{t('training.course.facts.length')}</dt>
        <dd>{t('training.minutes', { count: course.minutes })}</dd>
      </div>
      <div>
        <dt>{t('training.course.facts.version')}</dt>
        <dd>{detail.version}</dd>
      </div>
      <div>
        <dt>{t('training.course.facts.certificate')}</dt>
        <dd>
          {course.validMonths === null
            ? t('training.course.facts.noExpiry')
            : t('training.course.facts.validFor', { count: course.validMonths })}
        </dd>
      </div>
      <div>
        <dt>{t('training.course.facts.languages')}</dt>
        <dd>
          {course.languages.map((language) => t(`training.languageNames.${language}`)).join(', ')}
        </dd>
      </div>
    </dl>
  );
}

/** `stepId` keeps each situation's anchor its own should a course show a scenario twice. */
function ScenarioView({ scenario, stepId }: { scenario: Scenario; stepId: string }) {
  const { t, i18n } = useTranslation();
  const situations = situationsInOrder(scenario);
  const numberOf = new Map(situations.map((node, index) => [node.id, index + 1]));
  const title = pickText(scenario.title, i18n.language);
  const anchor = (nodeId: string) => `situation-${stepId}-${nodeId}`;
  return (
    <>
      <h4 lang={title.lang}>{t('training.course.scenario', { title: title.text })}</h4>
      <p className="training-muted">{t('training.course.scenarioLead')}</p>
      <ol className="training-situations">
        {situations.map((node, index) => (
          <li
            key={node.id}
            className={`training-situation${node.ending ? ` training-situation--${node.ending}` : ''}`}
          >
            <h5 id={anchor(node.id)}>{t('training.course.situation', { number: index + 1 })}</h5>
            {node.ending ? (
              <p>
                <span className={`badge training-outcome--${node.ending}`}>
                  {t(`training.endings.${node.ending}`)}
                </span>
              </p>
            ) : null}
            <Paragraphs text={node.situation} />
            {node.feedback ? (
              <div className="training-feedback">
                <p className="training-label">{t('training.course.endingFeedback')}</p>
                <Paragraphs text={node.feedback} />
              </div>
            ) : null}
            {node.choices.length > 0 ? (
              <ul className="training-choices">
                {node.choices.map((choice) => (
                  <li key={choice.id} className="training-choice">
                    <Words text={choice.label} as="p" />
                    <p className="training-choice__marks">
                      <a href={`#${anchor(choice.next)}`} className="training-choice__next">
                        {t('training.course.leadsTo', { number: numberOf.get(choice.next) ?? '?' })}
                      </a>{' '}
                      <span className={`badge training-outcome--${choice.quality}`}>
                        {t(`training.choiceQualities.${choice.quality}`)}
                      </span>
                    </p>
                    <div className="training-muted">
                      <span className="training-label">{t('training.course.consequence')}</span>{' '}
                      <Words text={choice.consequence} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function StepView({ step, course }: { step: Step; course: CourseContent }) {
  const { t, i18n } = useTranslation();
  switch (step.type) {
    case 'text': {
      const text = pickText(step.markdown, i18n.language);
      return (
        <div lang={text.lang}>
          <Markdown text={text.text} headingLevel={3} />
        </div>
      );
    }
    case 'video': {
      const title = pickText(step.title, i18n.language);
      return (
        <>
          <h4>{t('training.course.video')}</h4>
          <p>
            <a href={step.url} className="training-link" rel="noreferrer" target="_blank">
              {t('training.course.watch', { title: title.text })}
            </a>
          </p>
          <details className="training-details">
            <summary>{t('training.course.transcript')}</summary>
            <Words text={step.transcript} as="div" />
          </details>
        </>
      );
    }
    case 'reflection':
      return (
        <>
          <h4>{t('training.course.reflection')}</h4>
          <Words text={step.prompt} as="p" />
          <p className="training-muted">{t('training.course.reflectionNote')}</p>
        </>
      );
    case 'check':
      return (
        <>
          <h4>{t('training.course.check')}</h4>
          <Words text={step.question} as="p" />
          <p className="training-muted">
            {step.multiple ? t('training.course.chooseSeveral') : t('training.course.chooseOne')}
          </p>
          <ul className="training-options">
            {step.options.map((option) => (
              <li
                key={option.id}
                className={`training-option${option.correct ? ' training-option--right' : ''}`}
              >
                <p>
                  <span
                    className={`badge ${option.correct ? 'badge--sage' : 'training-badge--plain'}`}
                  >
                    {option.correct ? t('training.course.right') : t('training.course.notRight')}
                  </span>{' '}
                  <Words text={option.label} />
                </p>
                <div className="training-muted">
                  <span className="training-label">{t('training.course.feedback')}</span>{' '}
                  <Words text={option.feedback} />
                </div>
              </li>
            ))}
          </ul>
        </>
      );
    case 'scenario': {
      const scenario = course.scenarios.find((one) => one.id === step.scenario);
      return scenario ? (
        <ScenarioView scenario={scenario} stepId={step.id} />
      ) : (
        <p>{t('training.course.missingScenario')}</p>
      );
    }
    case 'practice_circle':
      return (
        <>
          <h4>{t('training.course.practiceCircle')}</h4>
          <Words text={step.about} as="p" />
        </>
      );
  }
}

function LessonView({ lesson, course }: { lesson: Lesson; course: CourseContent }) {
  const { i18n } = useTranslation();
  const title = pickText(lesson.title, i18n.language);
  return (
    <section className="training-lesson" aria-labelledby={`lesson-${lesson.id}`}>
      <h3 id={`lesson-${lesson.id}`} lang={title.lang}>
        {title.text}
      </h3>
      {lesson.steps.map((step) => (
        <div key={step.id} className={`training-step training-step--${step.type}`}>
          <StepView step={step} course={course} />
        </div>
      ))}
    </section>
  );
}

/** /courses/:courseId: a course at its latest version, every step in order, to read through. */
export function CoursePage() {
  const { t, i18n } = useTranslation();
  const { courseId = '' } = useParams();
  useSignedIn();
  const query = useQuery({
    queryKey: courseKey(courseId),
    queryFn: ({ signal }) => fetchCourse(courseId, signal),
    retry: retryUnlessRefused,
  });
  const title = query.data ? pickText(query.data.course.title, i18n.language) : undefined;
  useDocumentTitle(title?.text || t('training.course.title'));
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!query.data || !title) {
    return (
      <div className="status-page">
        <PageHeading>{t('training.course.title')}</PageHeading>
        <LoadProblem
          failed={t('training.course.loadFailed')}
          error={query.error}
          refused={t('training.course.notAllowed')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const detail = query.data;
  const { course } = detail;
  return (
    <div className="training-page">
      <p className="training-eyebrow">
        <Link to={`/programs/${detail.programId}/courses`}>{t('training.course.programLink')}</Link>
      </p>
      <PageHeading>
        <span lang={title.lang}>{title.text}</span>
      </PageHeading>
      <Words text={course.summary} as="p" />
      <Facts detail={detail} />
      {detail.canManage ? (
        <p className="training-actions">
          <Link to={`/courses/${detail.id}/edit`} className={buttonClassName('primary')}>
            {t('training.course.edit')}
          </Link>
          <a href={courseExportHref(detail.id)} download className={buttonClassName('secondary')}>
            {t('training.course.export')}
          </a>
        </p>
      ) : null}
      <CohortsSection detail={detail} />
      {detail.canManage ? <BeforeAfterSection detail={detail} /> : null}
      {course.modules.map((module, index) => {
        const moduleTitle = pickText(module.title, i18n.language);
        return (
          <section
            key={module.id}
            className="training-module"
            aria-labelledby={`module-${module.id}`}
          >
            <h2 id={`module-${module.id}`}>
              <span className="training-module__number">
                {t('training.course.moduleNumber', { number: index + 1 })}
              </span>{' '}
              <span lang={moduleTitle.lang}>{moduleTitle.text}</span>
            </h2>
            {module.lessons.map((lesson) => (
              <LessonView key={lesson.id} lesson={lesson} course={course} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
