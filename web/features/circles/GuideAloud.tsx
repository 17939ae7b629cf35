import { useTranslation } from 'react-i18next';
import { type CircleState, mediaOf, participantOf } from '../../../shared/circles/machine.ts';
import { Button } from '../../ui/Button.tsx';
import type { RunCommand } from './useCircleLive.ts';

/**
 * A keeper with a microphone may speak to guide, whoever holds the piece: everyone sees who is
 * speaking, and it stops with one press. Keepers by text have no microphone to open.
 */
export function GuideAloud({
  state,
  you,
  run,
}: {
  state: CircleState;
  you: string;
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const me = participantOf(state, you);
  if (!me || mediaOf(me) === 'text' || state.status === 'waiting') return null;
  const guiding = state.guiding === you;
  return (
    <section className="keeper__section" aria-labelledby="keeper-guide">
      <h3 id="keeper-guide">{t('circles.media.guideHeading')}</h3>
      <Button
        variant={guiding ? 'secondary' : 'primary'}
        onPress={() => void run({ type: 'guide_aloud', on: !guiding })}
      >
        {guiding ? t('circles.media.stopGuiding') : t('circles.media.guide')}
      </Button>
      <p className="circle-muted">{t('circles.media.guideHelp')}</p>
    </section>
  );
}
