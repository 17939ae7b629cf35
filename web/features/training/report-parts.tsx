import { useTranslation } from 'react-i18next';
import type {
  CheckReport,
  CompletionCounts,
  LearnerRow,
  ScenarioReport,
  SharedReflection,
} from '../../../shared/training/contract.ts';
import { outcomes, type Translated } from '../../../shared/training/course.ts';
import { useFormatDay } from '../../i18n/format.ts';
import {
  learnersInOrder,
  percentOf,
  shortened,
  wrongAnswersChosen,
  wrongTurnRows,
} from './report-rows.ts';
import { Body, Cell, ColumnHeader, Head, Row, RowHeader, ScrollTable } from './report-table.tsx';
import { pickText } from './translated.ts';

// The parts of a course's report. Every bar is drawn beside its figures in words, and hidden
// from screen readers, which read the words: no figure depends on seeing a bar.

/** A course text in the page's language, marked with its own when it had to fall back. */
function Words({ text, short = false }: { text: Translated; short?: boolean }) {
  const { i18n } = useTranslation();
  const picked = pickText(text, i18n.language);
  return <span lang={picked.lang}>{short ? shortened(picked.text) : picked.text}</span>;
}

/**
 * A share from 0 to 100 as a small bar: the figures beside it say the same in words. A share
 * of wrong turns is drawn in the accent colour, not in the green of things done well.
 */
export function ShareBar({ percent, tone = 'done' }: { percent: number; tone?: 'done' | 'wrong' }) {
  return (
    <svg
      className={`report-bar report-bar--${tone}`}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="10" className="report-bar__empty" />
      <rect
        width={Math.max(0, Math.min(100, percent))}
        height="10"
        className="report-bar__filled"
      />
    </svg>
  );
}

function CompletedCell({ counts }: { counts: CompletionCounts }) {
  const { t } = useTranslation();
  const percent = percentOf(counts.completed, counts.people);
  return (
    <Cell label={t('training.report.completion.completed')} className="report-table__share">
      <span className="report-share">
        <span className="report-share__words">
          {t('training.report.completion.share', {
            completed: counts.completed,
            people: counts.people,
            percent,
          })}
        </span>
        <ShareBar percent={percent} />
      </span>
    </Cell>
  );
}

export interface CompletionRow {
  key: string;
  name: string;
  /** The cohort's due day; left out for a unit. */
  dueOn?: string;
  counts: CompletionCounts;
}

/** Completion of a group of learners (by cohort, by unit): done, late, under way, not begun. */
export function CompletionTable({
  caption,
  nameHeading,
  rows,
}: {
  caption: string;
  nameHeading: string;
  rows: readonly CompletionRow[];
}) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const withDue = rows.some((row) => row.dueOn !== undefined);
  return (
    <ScrollTable caption={caption}>
      <Head>
        <ColumnHeader>{nameHeading}</ColumnHeader>
        {withDue ? <ColumnHeader>{t('training.report.completion.due')}</ColumnHeader> : null}
        <ColumnHeader>{t('training.report.completion.completed')}</ColumnHeader>
        <ColumnHeader>{t('training.report.statuses.overdue')}</ColumnHeader>
        <ColumnHeader>{t('training.report.statuses.in_progress')}</ColumnHeader>
        <ColumnHeader>{t('training.report.statuses.not_started')}</ColumnHeader>
      </Head>
      <Body>
        {rows.map((row) => (
          <Row key={row.key}>
            <RowHeader>{row.name}</RowHeader>
            {withDue ? (
              <Cell label={t('training.report.completion.due')} className="report-table__day">
                {row.dueOn ? formatDay(row.dueOn) : ''}
              </Cell>
            ) : null}
            <CompletedCell counts={row.counts} />
            <Cell
              label={t('training.report.statuses.overdue')}
              className={row.counts.overdue > 0 ? 'report-table__late' : undefined}
            >
              {row.counts.overdue}
            </Cell>
            <Cell label={t('training.report.statuses.in_progress')}>{row.counts.in_progress}</Cell>
            <Cell label={t('training.report.statuses.not_started')}>{row.counts.not_started}</Cell>
          </Row>
        ))}
      </Body>
    </ScrollTable>
  );
}

/** Every learner, the overdue first and marked so in words as well as in colour. */
export function LearnersTable({ learners }: { learners: readonly LearnerRow[] }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (
    <ScrollTable caption={t('training.report.learners.caption')}>
      <Head>
        <ColumnHeader>{t('training.report.learners.name')}</ColumnHeader>
        <ColumnHeader>{t('training.report.learners.cohort')}</ColumnHeader>
        <ColumnHeader>{t('training.report.learners.unit')}</ColumnHeader>
        <ColumnHeader>{t('training.report.learners.due')}</ColumnHeader>
        <ColumnHeader>{t('training.report.learners.status')}</ColumnHeader>
        <ColumnHeader>{t('training.report.learners.done')}</ColumnHeader>
      </Head>
      <Body>
        {learnersInOrder(learners).map((learner) => (
          <Row
            key={learner.enrolmentId}
            className={learner.status === 'overdue' ? 'report-table__row--late' : undefined}
          >
            <RowHeader>{learner.name}</RowHeader>
            <Cell label={t('training.report.learners.cohort')}>{learner.cohortName}</Cell>
            <Cell label={t('training.report.learners.unit')}>
              {learner.unit || t('training.report.completion.noUnit')}
            </Cell>
            <Cell label={t('training.report.learners.due')} className="report-table__day">
              {formatDay(learner.dueOn)}
            </Cell>
            <Cell label={t('training.report.learners.status')}>
              <span className="report-statuses">
                <span className={`badge report-status report-status--${learner.status}`}>
                  {t(`training.report.statuses.${learner.status}`)}
                </span>
                {learner.renewalDue ? (
                  <span className="badge badge--accent report-status">
                    {t('training.report.learners.renewalDue')}
                  </span>
                ) : null}
              </span>
            </Cell>
            <Cell label={t('training.report.learners.done')}>
              {t('training.report.learners.percent', {
                percent: Math.round(learner.shareDone * 100),
              })}
            </Cell>
          </Row>
        ))}
      </Body>
    </ScrollTable>
  );
}

/** A scenario: where first walks ended, and the choices that were not the good one. */
export function ScenarioFigures({ scenario }: { scenario: ScenarioReport }) {
  const { t, i18n } = useTranslation();
  const title = pickText(scenario.title, i18n.language);
  const turns = wrongTurnRows(scenario);
  const headingId = `report-scenario-${scenario.stepId}`;
  return (
    <section className="report-block" aria-labelledby={headingId}>
      <h3 id={headingId} lang={title.lang}>
        {t('training.report.scenarios.title', { title: title.text })}
      </h3>
      <p>{t('training.report.scenarios.walkers', { count: scenario.walkers })}</p>
      <h4>{t('training.report.scenarios.endingsHeading')}</h4>
      <dl className="report-endings">
        {outcomes.map((outcome) => (
          <div key={outcome} className={`report-ending training-outcome--${outcome}`}>
            <dt>{t(`training.report.scenarios.endings.${outcome}`)}</dt>
            <dd>{scenario.firstEndings[outcome]}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('training.report.scenarios.turnsHeading')}</h4>
      {turns.length === 0 ? (
        <p>{t('training.report.scenarios.noTurns')}</p>
      ) : (
        <>
          <p className="training-muted">{t('training.report.scenarios.turnsLead')}</p>
          <ol className="report-turns">
            {turns.map((turn) => (
              <li key={turn.key} className="report-turn">
                <p className="report-turn__situation">
                  <span className="training-label">
                    {t('training.report.scenarios.situation')}:
                  </span>{' '}
                  <Words text={turn.situation} short />
                </p>
                <p className="report-turn__choice">
                  <span className="training-label">{t('training.report.scenarios.choice')}:</span>{' '}
                  <Words text={turn.label} />{' '}
                  <span className={`badge training-outcome--${turn.quality}`}>
                    {t(`training.choiceQualities.${turn.quality}`)}
                  </span>
                </p>
                <p className="report-share">
                  <span className="report-share__words">
                    {t('training.report.scenarios.share', {
                      times: turn.times,
                      reached: turn.reached,
                      percent: turn.percent,
                    })}
                  </span>
                  <ShareBar percent={turn.percent} tone="wrong" />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** A knowledge check: how many answered, got it right the first time, and the wrong picks. */
/** A reflection its learner shared: the prompt, their words, who and when. */
export function SharedReflectionItem({ reflection }: { reflection: SharedReflection }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (
    <li className="report-reflection">
      <p className="report-reflection__prompt">
        <Words text={reflection.prompt} />
      </p>
      <blockquote className="report-reflection__text">{reflection.text}</blockquote>
      <p className="training-muted">
        {t('training.report.reflections.sharedBy', {
          name: reflection.learner,
          date: formatDay(reflection.sharedAt.slice(0, 10)),
        })}
      </p>
    </li>
  );
}

export function CheckFigures({ check }: { check: CheckReport }) {
  const { t } = useTranslation();
  const wrong = wrongAnswersChosen(check);
  const right = percentOf(check.rightFirstTime, check.answered);
  return (
    <li className="report-check">
      <h3 className="report-check__question">
        <Words text={check.question} />
      </h3>
      <dl className="report-check__facts">
        <div>
          <dt>{t('training.report.checks.answered')}</dt>
          <dd>{check.answered}</dd>
        </div>
        <div>
          <dt>{t('training.report.checks.rightFirst')}</dt>
          <dd className="report-share">
            <span className="report-share__words">
              {t('training.report.checks.rightShare', {
                right: check.rightFirstTime,
                answered: check.answered,
                percent: right,
              })}
            </span>
            <ShareBar percent={right} />
          </dd>
        </div>
      </dl>
      <p className="training-label">{t('training.report.checks.wrongHeading')}</p>
      {wrong.length === 0 ? (
        <p className="training-muted">{t('training.report.checks.noWrong')}</p>
      ) : (
        <ul className="report-wrong">
          {wrong.map((choice) => (
            <li key={choice.optionId}>
              <Words text={choice.label} />{' '}
              <span className="training-muted">
                ({t('training.report.checks.wrongTimes', { count: choice.times })})
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
