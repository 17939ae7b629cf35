import { useTranslation } from 'react-i18next';
import { type CircleState, participantOf } from '../../../shared/circles/machine.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import type { CaptionBoard } from './captions.ts';
import type { CircleCaptions } from './useCaptions.ts';
import './captions.css';

/**
 * The speakers' words as they speak, for everyone who has captions on, by voice or by text.
 * Finished lines are said to screen readers as they settle; the words still changing are only
 * shown, so a screen reader is not made to read each half-sentence twice a second.
 */
export function Captions({ state, board }: { state: CircleState; board: CaptionBoard }) {
  const { t } = useTranslation();
  const nameOf = (id: string) => participantOf(state, id)?.name ?? '';
  const settled = board.filter((line) => line.final !== null);
  return (
    <section className="captions" aria-labelledby="captions-heading">
      <h2 id="captions-heading" className="visually-hidden">
        {t('circles.media.captions.heading')}
      </h2>
      {board.length > 0 ? (
        <div className="captions__lines">
          {board.map((line) => (
            <p key={line.from} className="captions__line">
              <span className="captions__name">
                {t('circles.media.captions.speaker', { name: nameOf(line.from) })}
              </span>{' '}
              {line.final ? <span className="captions__final">{line.final.text}</span> : null}
              {line.final && line.interim ? ' ' : null}
              {line.interim ? <span className="captions__interim">{line.interim.text}</span> : null}
            </p>
          ))}
        </div>
      ) : null}
      <div
        className="visually-hidden"
        role="log"
        aria-live="polite"
        aria-label={t('circles.media.captions.live')}
      >
        {settled.map((line) => (
          <p key={`${line.from}-${line.final?.at}`}>
            {t('circles.media.captions.speaker', { name: nameOf(line.from) })} {line.final?.text}
          </p>
        ))}
      </div>
    </section>
  );
}

/** "Show captions" for everyone; "Caption my voice" for those taking part by voice. */
export function CaptionSettings({
  captions,
  withVoice,
}: {
  captions: CircleCaptions;
  withVoice: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="caption-settings">
      <h3 className="caption-settings__heading">{t('circles.media.captions.heading')}</h3>
      <Checkbox
        isSelected={captions.show}
        onChange={captions.setShow}
        aria-describedby="captions-show-help"
      >
        {t('circles.media.captions.show')}
      </Checkbox>
      <p id="captions-show-help" className="caption-settings__help">
        {t('circles.media.captions.showHelp')}
      </p>
      {withVoice && captions.status === 'unavailable' ? (
        <p className="caption-settings__help">{t('circles.media.captions.unsupported')}</p>
      ) : null}
      {withVoice && captions.status !== 'unavailable' ? (
        <>
          <Checkbox
            isSelected={captions.mine}
            onChange={captions.setMine}
            aria-describedby="captions-mine-help"
          >
            {t('circles.media.captions.mine')}
          </Checkbox>
          <p id="captions-mine-help" className="caption-settings__help">
            {t('circles.media.captions.mineHelp')}
          </p>
        </>
      ) : null}
    </div>
  );
}
