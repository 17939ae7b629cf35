import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/training/course.ts';
import { Button } from '../../ui/Button.tsx';
import { Paragraphs, Words } from './learn-parts.tsx';
import type { StepViewProps } from './learn-step-props.ts';
import { walkSoFar } from './learn-steps.ts';
import { pickText } from './translated.ts';

type FocusTarget = 'consequence' | 'situation';

/**
 * A branching scenario walked one choice at a time: the situation where the learner stands, its
 * choices as buttons; after a choice, what happened because of it and then the next situation;
 * at an ending, how it went and what to take from it, and a way to walk it again.
 */
function ScenarioWalk({
  scenario,
  step,
  learning,
  take,
  busy,
  announce,
}: StepViewProps<'scenario'> & { scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const consequenceRef = useRef<HTMLElement>(null);
  const situationRef = useRef<HTMLHeadingElement>(null);
  const [focusOn, setFocusOn] = useState<FocusTarget | null>(null);
  const { taken, at } = walkSoFar(scenario, learning.walks[step.id]);
  const last = taken.at(-1);
  const title = pickText(scenario.title, i18n.language);

  // After a choice, focus goes to what it led to: the words that say what happened, or the
  // first situation again after "Walk it again".
  useLayoutEffect(() => {
    if (!focusOn) return;
    (focusOn === 'consequence' ? consequenceRef.current : situationRef.current)?.focus();
    setFocusOn(null);
  }, [focusOn]);

  const choose = async (choiceId: string) => {
    if (busy) return;
    const after = await take({ type: 'choose', stepId: step.id, choiceId });
    if (after) setFocusOn('consequence');
  };
  const walkAgain = async () => {
    if (busy) return;
    const after = await take({ type: 'walk_again', stepId: step.id });
    if (!after) return;
    announce(t('training.learn.course.scenario.restarted'));
    setFocusOn('situation');
  };

  return (
    <div className="learn-scenario">
      <h3 lang={title.lang}>
        {t('training.learn.course.scenario.heading', { title: title.text })}
      </h3>
      {taken.length === 0 ? (
        <p className="training-muted">{t('training.learn.course.scenario.lead')}</p>
      ) : (
        <details className="training-details learn-path">
          <summary>{t('training.learn.course.scenario.path', { count: taken.length })}</summary>
          <ol>
            {taken.map(({ from, choice }) => (
              <li key={`${from.id}-${choice.id}`}>
                <Words text={choice.label} as="p" />
                <p className="training-muted">
                  <Words text={choice.consequence} />
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {last ? (
        <section
          className="learn-consequence"
          ref={consequenceRef}
          tabIndex={-1}
          aria-labelledby={`consequence-${step.id}`}
        >
          <h4 id={`consequence-${step.id}`}>{t('training.learn.course.scenario.whatHappened')}</h4>
          <p className="learn-consequence__choice">
            {t('training.learn.course.scenario.youChose', {
              choice: pickText(last.choice.label, i18n.language).text,
            })}
          </p>
          <Paragraphs text={last.choice.consequence} />
        </section>
      ) : null}
      {at?.ending ? (
        <section
          className={`learn-ending learn-ending--${at.ending}`}
          aria-labelledby={`ending-${step.id}`}
        >
          <h4 id={`ending-${step.id}`} ref={situationRef} tabIndex={-1}>
            {t('training.learn.course.scenario.ending')}
          </h4>
          <p>
            <span className={`badge training-outcome--${at.ending}`}>
              {t(`training.endings.${at.ending}`)}
            </span>
          </p>
          <Paragraphs text={at.situation} />
          {at.feedback ? (
            <div className="training-feedback">
              <p className="training-label">{t('training.learn.course.scenario.takeaway')}</p>
              <Paragraphs text={at.feedback} />
            </div>
          ) : null}
          <p className="training-muted">{t('training.learn.course.scenario.againNote')}</p>
          <Button variant="secondary" isBusy={busy} onPress={() => void walkAgain()}>
            {t('training.learn.course.scenario.again')}
          </Button>
        </section>
      ) : at ? (
        <div className="learn-situation">
          <h4 ref={situationRef} tabIndex={-1}>
            {taken.length === 0
              ? t('training.learn.course.scenario.situation')
              : t('training.learn.course.scenario.nextSituation')}
          </h4>
          <Paragraphs text={at.situation} />
          <h5>{t('training.learn.course.scenario.whatDo')}</h5>
          <ul className="learn-choices">
            {at.choices.map((choice) => {
              const label = pickText(choice.label, i18n.language);
              return (
                <li key={choice.id}>
                  <Button
                    variant="secondary"
                    className="learn-choice"
                    onPress={() => void choose(choice.id)}
                  >
                    <span lang={label.lang}>{label.text}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export function ScenarioStepView(props: StepViewProps<'scenario'>) {
  const { t } = useTranslation();
  const scenario = props.learning.course.scenarios.find((one) => one.id === props.step.scenario);
  if (!scenario) return <p>{t('training.course.missingScenario')}</p>;
  return <ScenarioWalk {...props} scenario={scenario} />;
}
