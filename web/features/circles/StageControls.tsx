import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CircleState, QUESTION_MAX, stages } from '../../../shared/circles/machine.ts';
import { promptsFor } from '../../../shared/circles/prompts.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { RunCommand } from './useCircleLive.ts';

/**
 * The circle's stages in order, the current one marked, and the library's questions for it in
 * the circle's language; the keeper poses one of them, or their own.
 */
export function StageControls({
  state,
  language,
  run,
}: {
  state: CircleState;
  language: 'en' | 'es';
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const [own, setOwn] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const position = stages.indexOf(state.stage);
  const next = stages[position + 1];
  const waiting = state.status === 'waiting';

  async function poseOwn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (own.trim() === '') {
      setOwnError(t('circles.keeper.questionMissing'));
      return;
    }
    if (own.length > QUESTION_MAX) {
      setOwnError(t('circles.keeper.questionLong', { max: QUESTION_MAX }));
      return;
    }
    setOwnError(undefined);
    const outcome = await run({ type: 'pose_question', text: own });
    if (outcome.kind === 'accepted') setOwn('');
  }

  return (
    <section className="keeper__section" aria-labelledby="keeper-stages">
      <h3 id="keeper-stages">{t('circles.keeper.stagesHeading')}</h3>
      <ol className="keeper__stages">
        {stages.map((stage) => (
          <li key={stage}>
            <Button
              variant={stage === state.stage ? 'primary' : 'quiet'}
              className="keeper__stage"
              aria-current={stage === state.stage ? 'step' : undefined}
              isDisabled={waiting}
              onPress={() => {
                if (stage !== state.stage) void run({ type: 'move_stage', to: stage });
              }}
            >
              {t(`circles.stages.${stage}`)}
            </Button>
          </li>
        ))}
      </ol>
      {next && !waiting ? (
        <Button variant="secondary" onPress={() => void run({ type: 'move_stage', to: next })}>
          {t('circles.keeper.nextStage', { stage: t(`circles.stages.${next}`) })}
        </Button>
      ) : null}
      <h4 className="keeper__minor-heading">
        {t('circles.keeper.promptsHeading', { stage: t(`circles.stages.${state.stage}`) })}
      </h4>
      <ul className="keeper__prompts">
        {promptsFor(state.stage).map((prompt) => (
          <li key={prompt.id} className="keeper__prompt">
            <p lang={language}>{prompt[language]}</p>
            {state.question === prompt[language] ? (
              <p className="keeper__posed">{t('circles.keeper.posed')}</p>
            ) : (
              <Button
                variant="secondary"
                aria-label={t('circles.keeper.poseLabel', { question: prompt[language] })}
                onPress={() => void run({ type: 'pose_question', text: prompt[language] })}
              >
                {t('circles.keeper.pose')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Form onSubmit={(event) => void poseOwn(event)} className="keeper__own">
        <TextField
          label={t('circles.keeper.ownQuestion')}
          description={t('circles.keeper.ownQuestionHelp')}
          multiline
          value={own}
          onChange={setOwn}
          errorMessage={ownError}
        />
        <Button type="submit" variant="secondary">
          {t('circles.keeper.poseOwn')}
        </Button>
      </Form>
    </section>
  );
}
