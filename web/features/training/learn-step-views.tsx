import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_MAX } from '../../../shared/training/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { Words } from './learn-parts.tsx';
import type { StepViewProps } from './learn-step-props.ts';
import { Markdown } from './markdown.tsx';
import { pickText } from './translated.ts';
import '../../ui/form.css';

// The step kinds that are read or written: text, video, reflection, practice circle. Checks and
// scenarios have their own files.

/** "Done reading" (or "Done"): marks the step read and goes on to the next one not done. */
function ReadButton({ step, learning, take, busy, goOn, words }: ReadProps & { words: string }) {
  if (learning.done.includes(step.id)) return null;
  const read = async () => {
    if (busy) return;
    const after = await take({ type: 'read', stepId: step.id });
    if (after) goOn(after);
  };
  return (
    <Button isBusy={busy} className="learn-primary" onPress={() => void read()}>
      {words}
    </Button>
  );
}

type ReadProps = StepViewProps<'text'> | StepViewProps<'video'>;

export function TextStepView(props: StepViewProps<'text'>) {
  const { t, i18n } = useTranslation();
  const text = pickText(props.step.markdown, i18n.language);
  return (
    <>
      <div lang={text.lang}>
        <Markdown text={text.text} headingLevel={2} />
      </div>
      <ReadButton {...props} words={t('training.learn.course.text.done')} />
    </>
  );
}

export function VideoStepView(props: StepViewProps<'video'>) {
  const { t, i18n } = useTranslation();
  const { step } = props;
  const title = pickText(step.title, i18n.language);
  const transcript = pickText(step.transcript, i18n.language);
  return (
    <>
      <h3 lang={title.lang}>{title.text}</h3>
      <p>
        <a href={step.url} className="training-link" rel="noreferrer" target="_blank">
          {t('training.learn.course.video.watch', { title: title.text })}{' '}
          {t('training.learn.course.video.newTab')}
        </a>
      </p>
      <section className="learn-transcript" aria-labelledby={`transcript-${step.id}`}>
        <h4 id={`transcript-${step.id}`}>{t('training.learn.course.video.transcript')}</h4>
        <p className="training-muted">{t('training.learn.course.video.transcriptLead')}</p>
        <div lang={transcript.lang}>
          <Markdown text={transcript.text} headingLevel={4} />
        </div>
      </section>
      <ReadButton {...props} words={t('training.learn.course.video.done')} />
    </>
  );
}

/**
 * A reflection prompt: written for the learner alone. What they typed stays in the box when
 * sending fails; once saved, it is shown back to them, and they may share it with the course's
 * coordinators (and stop sharing it).
 */
export function ReflectionStepView({
  step,
  learning,
  take,
  shareWritten,
  busy,
  announce,
}: StepViewProps<'reflection'>) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const writtenRef = useRef<HTMLDivElement>(null);
  const done = learning.done.includes(step.id);
  const written = learning.reflections[step.id];
  const shared = learning.sharedReflections.includes(step.id);
  const prompt = pickText(step.prompt, i18n.language);

  const share = async (sharing: boolean) => {
    if (busy) return;
    const after = await shareWritten(step.id, sharing);
    if (!after) return;
    announce(
      sharing
        ? t('training.learn.course.reflection.sharedNow')
        : t('training.learn.course.reflection.private'),
    );
  };

  // The form that had focus is gone once saved: focus goes to the words as they were kept.
  useLayoutEffect(() => {
    if (justSaved) writtenRef.current?.focus();
  }, [justSaved]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') {
      setEmpty(true);
      return;
    }
    const after = await take({ type: 'reflect', stepId: step.id, text });
    if (!after) return;
    announce(t('training.learn.course.reflection.saved'));
    setJustSaved(true);
  };

  return (
    <>
      <p className="learn-question" lang={prompt.lang}>
        {prompt.text}
      </p>
      {done ? (
        <>
          <p className="learn-private">
            {shared
              ? t('training.learn.course.reflection.sharedNow')
              : t('training.learn.course.reflection.private')}
          </p>
          {written !== undefined ? (
            <>
              <div className="learn-written" ref={writtenRef} tabIndex={-1}>
                <p className="training-label">{t('training.learn.course.reflection.yourWords')}</p>
                <p className="learn-written__text">{written}</p>
              </div>
              <Button
                variant="secondary"
                isBusy={busy}
                onPress={() => void share(!shared)}
                className="learn-share"
              >
                {shared
                  ? t('training.learn.course.reflection.stopSharing')
                  : t('training.learn.course.reflection.share')}
              </Button>
            </>
          ) : null}
        </>
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate className="learn-reflection">
          <TextField
            label={t('training.learn.course.reflection.label')}
            description={t('training.learn.course.reflection.private')}
            multiline
            value={text}
            maxLength={REFLECTION_MAX}
            onChange={(value) => {
              setText(value);
              setEmpty(false);
            }}
            errorMessage={empty ? t('training.learn.course.reflection.empty') : undefined}
          />
          <Button type="submit" isBusy={busy} className="learn-primary">
            {t('training.learn.course.reflection.save')}
          </Button>
        </form>
      )}
    </>
  );
}

/** Done by attending a practice circle of the program: the server marks it, not a button. */
export function PracticeCircleStepView({ step, learning }: StepViewProps<'practice_circle'>) {
  const { t } = useTranslation();
  const done = learning.done.includes(step.id);
  return (
    <>
      <Words text={step.about} as="p" />
      <p className="learn-note">
        {done ? t('training.learn.course.practice.done') : t('training.learn.course.practice.note')}
      </p>
    </>
  );
}
