import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CircleState, isAvailable, participantOf } from '../../../shared/circles/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import type { RunCommand } from './useCircleLive.ts';

const timerChoices = [0, 1, 2, 3, 5] as const;

function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1_000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * An optional speaking timer, on this keeper's screen only: how long the holder has had the
 * piece, counted from when this screen saw it move. It never cuts anyone off; past the time it
 * only suggests a gentle word.
 */
function SpeakingTimer({ state }: { state: CircleState }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(0);
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: restarts when the piece moves
  useEffect(() => {
    setSince(Date.now());
    setNow(Date.now());
  }, [state.holder]);
  useEffect(() => {
    if (minutes === 0) return;
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(tick);
  }, [minutes]);
  const holder = state.holder ? participantOf(state, state.holder) : undefined;
  const held = now - since;
  const over = minutes > 0 && held > minutes * 60_000;
  return (
    <div className="keeper__timer">
      <SelectField
        label={t('circles.keeper.timer')}
        description={t('circles.keeper.timerHelp')}
        value={String(minutes)}
        onChange={(value) => setMinutes(Number(value))}
        options={timerChoices.map((choice) => ({
          value: String(choice),
          label:
            choice === 0
              ? t('circles.keeper.timerOff')
              : t('circles.keeper.timerMinutes', { count: choice }),
        }))}
      />
      {minutes > 0 && holder ? (
        <p className={`keeper__time${over ? ' keeper__time--over' : ''}`}>
          {t('circles.keeper.timeHeld', { name: holder.name, time: clock(held) })}
          {over ? ` ${t('circles.keeper.timeOver')}` : ''}
        </p>
      ) : null}
    </div>
  );
}

/** The piece in the keeper's hands: take it back, give it to someone, remove someone. */
export function PieceControls({ state, run }: { state: CircleState; run: RunCommand }) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [removing, setRemoving] = useState('');
  const available = state.participants.filter((participant) => isAvailable(participant));
  const removable = state.participants.filter(
    (participant) =>
      !participant.removed && participant.role !== 'keeper' && participant.role !== 'co_keeper',
  );
  const target = participantOf(state, removing);
  const waiting = state.status === 'waiting';
  return (
    <section className="keeper__section" aria-labelledby="keeper-piece">
      <h3 id="keeper-piece">{t('circles.keeper.pieceHeading')}</h3>
      <div className="keeper__row">
        <Button
          variant="secondary"
          isDisabled={waiting}
          onPress={() => void run({ type: 'take_piece' })}
        >
          {t('circles.keeper.takePiece')}
        </Button>
      </div>
      <div className="keeper__row keeper__row--field">
        <SelectField
          label={t('circles.keeper.giveTo')}
          placeholder={t('circles.keeper.choosePerson')}
          value={to}
          onChange={setTo}
          options={available.map((participant) => ({
            value: participant.id,
            label: participant.name,
          }))}
        />
        <Button
          variant="secondary"
          isDisabled={waiting || !to}
          onPress={() => void run({ type: 'give_piece', to })}
        >
          {t('circles.keeper.give')}
        </Button>
      </div>
      <SpeakingTimer state={state} />
      <div className="keeper__row keeper__row--field">
        <SelectField
          label={t('circles.keeper.removeWho')}
          placeholder={t('circles.keeper.choosePerson')}
          value={removing}
          onChange={setRemoving}
          options={removable.map((participant) => ({
            value: participant.id,
            label: participant.name,
          }))}
        />
        {target ? (
          <ConfirmButton
            label={t('circles.keeper.remove')}
            title={t('circles.keeper.removeTitle', { name: target.name })}
            body={t('circles.keeper.removeBody', { name: target.name })}
            confirm={t('circles.keeper.removeConfirm')}
            cancel={t('circles.room.cancel')}
            onConfirm={() => {
              void run({ type: 'remove', participantId: target.id });
              setRemoving('');
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
