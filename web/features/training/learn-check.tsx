import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { Words } from './learn-parts.tsx';
import type { StepViewProps } from './learn-step-props.ts';
import { type CheckOption, checkVerdict } from './learn-steps.ts';
import { pickText } from './translated.ts';
import '../../ui/form.css';

interface Verdict {
  right: boolean;
  chosen: CheckOption[];
}

/** The feedback of each answer shown, marked right or not in words beside its colour. */
function Feedback({ options }: { options: readonly CheckOption[] }) {
  const { t } = useTranslation();
  return (
    <ul className="learn-feedback-list">
      {options.map((option) => (
        <li
          key={option.id}
          className={`learn-feedback-item${option.correct ? ' learn-feedback-item--right' : ''}`}
        >
          <p>
            <span className={`badge ${option.correct ? 'badge--sage' : 'training-badge--plain'}`}>
              {option.correct
                ? t('training.learn.course.check.rightMark')
                : t('training.learn.course.check.notRightMark')}
            </span>{' '}
            <strong>
              <Words text={option.label} />
            </strong>
          </p>
          <Words text={option.feedback} as="p" />
        </li>
      ))}
    </ul>
  );
}

/**
 * A knowledge check: one answer by radio buttons or several by checkboxes. A wrong answer shows
 * the feedback of what was chosen and may be tried again; a right one finishes the step.
 */
export function CheckStepView({ step, learning, take, busy, focusNext }: StepViewProps<'check'>) {
  const { t, i18n } = useTranslation();
  const done = learning.done.includes(step.id);
  const rightIds = step.options.filter((option) => option.correct).map((option) => option.id);
  const [chosen, setChosen] = useState<string[]>(done ? rightIds : []);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [missing, setMissing] = useState(false);
  const question = pickText(step.question, i18n.language);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || done) return;
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    const after = await take({ type: 'answer', stepId: step.id, chosen });
    if (!after) return;
    const right = after.done.includes(step.id);
    setVerdict({ right, chosen: checkVerdict(step.options, chosen).chosen });
    // The button that had focus is gone once the answer is right.
    if (right) focusNext();
  };
  const choose = (ids: string[]) => {
    setChosen(ids);
    setMissing(false);
  };
  const missingWords = missing ? t('training.learn.course.check.chooseFirst') : undefined;
  return (
    <form className="learn-check" onSubmit={(event) => void submit(event)} noValidate>
      {step.multiple ? (
        <fieldset className="learn-fieldset">
          <legend className="learn-question" lang={question.lang}>
            {question.text}
          </legend>
          <p className="training-muted">{t('training.learn.course.check.chooseSeveral')}</p>
          <div className="learn-checkboxes">
            {step.options.map((option) => {
              const label = pickText(option.label, i18n.language);
              return (
                <Checkbox
                  key={option.id}
                  isSelected={chosen.includes(option.id)}
                  isDisabled={done}
                  onChange={(selected) =>
                    choose(
                      selected ? [...chosen, option.id] : chosen.filter((one) => one !== option.id),
                    )
                  }
                >
                  <span lang={label.lang}>{label.text}</span>
                </Checkbox>
              );
            })}
          </div>
          {missingWords ? (
            <p className="field__error" role="alert">
              {missingWords}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <RadioGroup
          className="learn-radio"
          label={question.text}
          description={t('training.learn.course.check.chooseOne')}
          layout="stack"
          value={chosen[0] ?? null}
          onChange={(value) => choose([value])}
          isDisabled={done}
          errorMessage={missingWords}
          options={step.options.map((option) => {
            const label = pickText(option.label, i18n.language);
            return { value: option.id, label: label.text, lang: label.lang };
          })}
        />
      )}
      {done ? null : (
        <Button type="submit" isBusy={busy} className="learn-primary">
          {t('training.learn.course.check.submit')}
        </Button>
      )}
      <div aria-live="polite" className="learn-live-feedback">
        {verdict ? (
          <div
            className={`learn-verdict${verdict.right ? ' learn-verdict--right' : ' learn-verdict--wrong'}`}
          >
            <p className="learn-verdict__words">
              {verdict.right
                ? t('training.learn.course.check.right')
                : t('training.learn.course.check.wrong')}
            </p>
            <p className="training-label">{t('training.learn.course.check.aboutYourAnswer')}</p>
            <Feedback options={verdict.chosen} />
          </div>
        ) : null}
      </div>
      {done && !verdict ? (
        <div className="learn-verdict learn-verdict--right">
          <p className="learn-verdict__words">
            {rightIds.length > 1
              ? t('training.learn.course.check.doneBeforeSeveral')
              : t('training.learn.course.check.doneBefore')}
          </p>
          <Feedback options={step.options.filter((option) => option.correct)} />
        </div>
      ) : null}
    </form>
  );
}
