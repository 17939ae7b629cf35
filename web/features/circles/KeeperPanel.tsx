import { useTranslation } from 'react-i18next';
import {
  type CircleState,
  participantOf,
  transcriptAllowed,
  voiceByGroup,
} from '../../../shared/circles/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { GuideAloud } from './GuideAloud.tsx';
import { PieceControls } from './PieceControls.tsx';
import { StageControls } from './StageControls.tsx';
import type { RunCommand } from './useCircleLive.ts';
import { VoiceTable } from './VoiceTable.tsx';

function PrivateWords({ state }: { state: CircleState }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeStyle: 'short' });
  return (
    <section className="keeper__section" aria-labelledby="keeper-words">
      <h3 id="keeper-words">{t('circles.keeper.privateWordsHeading')}</h3>
      {state.privateWords.length === 0 ? (
        <p className="circle-muted">{t('circles.keeper.noPrivateWords')}</p>
      ) : (
        <ul className="keeper__words">
          {state.privateWords.map((request) => (
            <li key={`${request.by}-${request.at}`}>
              {t('circles.keeper.privateWordFrom', {
                name: participantOf(state, request.by)?.name ?? t('circles.room.someone'),
                time: time.format(new Date(request.at)),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="circle-muted">{t('circles.keeper.privateWordsHelp')}</p>
    </section>
  );
}

/** The room as a whole: open it, pause it, keep newcomers out, and close it at the end. */
function RoomControls({ state, run }: { state: CircleState; run: RunCommand }) {
  const { t } = useTranslation();
  return (
    <div className="keeper__row keeper__row--wrap">
      {state.status === 'waiting' ? (
        <Button onPress={() => void run({ type: 'open' })}>{t('circles.keeper.open')}</Button>
      ) : null}
      {state.status === 'open' ? (
        <Button variant="secondary" onPress={() => void run({ type: 'pause' })}>
          {t('circles.keeper.pause')}
        </Button>
      ) : null}
      {state.status === 'paused' ? (
        <Button onPress={() => void run({ type: 'resume' })}>{t('circles.keeper.resume')}</Button>
      ) : null}
      <Button
        variant="secondary"
        onPress={() => void run({ type: state.locked ? 'unlock' : 'lock' })}
      >
        {state.locked ? t('circles.keeper.unlock') : t('circles.keeper.lock')}
      </Button>
      <ConfirmButton
        label={t('circles.keeper.close')}
        title={t('circles.keeper.closeTitle')}
        body={
          transcriptAllowed(state)
            ? t('circles.keeper.closeBodyTranscript')
            : t('circles.keeper.closeBodyNothing')
        }
        confirm={t('circles.keeper.closeConfirm')}
        cancel={t('circles.room.cancel')}
        onConfirm={() => void run({ type: 'close' })}
      />
    </div>
  );
}

/**
 * The keeper's and co-keeper's tools, beside the circle: the room, the stages and questions,
 * the piece, the private words asked for, and equal voice so far.
 */
export function KeeperPanel({
  state,
  you,
  language,
  run,
}: {
  state: CircleState;
  you: string;
  language: 'en' | 'es';
  run: RunCommand;
}) {
  const { t } = useTranslation();
  return (
    <section className="keeper" aria-labelledby="keeper-heading">
      <h2 id="keeper-heading" className="keeper__heading" tabIndex={-1}>
        {t('circles.keeper.heading')}
      </h2>
      <p className="circle-muted">{t('circles.keeper.lead')}</p>
      <RoomControls state={state} run={run} />
      {state.locked ? <p className="circle-notice">{t('circles.keeper.lockedNote')}</p> : null}
      <GuideAloud state={state} you={you} run={run} />
      <StageControls state={state} language={language} run={run} />
      <PieceControls state={state} run={run} />
      <PrivateWords state={state} />
      <section className="keeper__section" aria-labelledby="keeper-voice">
        <h3 id="keeper-voice">{t('circles.keeper.voiceHeading')}</h3>
        <VoiceTable voice={voiceByGroup(state)} caption={t('circles.keeper.voiceCaption')} />
      </section>
    </section>
  );
}
