import { useTranslation } from 'react-i18next';
import { CaptionSettings } from './Captions.tsx';
import { MediaChoice } from './MediaChoice.tsx';
import type { CircleCaptions } from './useCaptions.ts';
import type { CircleMedia } from './useCircleMedia.ts';

/** "How you take part" in the room: the choice, changed at any time, and the captions' switches. */
export function MediaPanel({ media, captions }: { media: CircleMedia; captions: CircleCaptions }) {
  const { t } = useTranslation();
  return (
    <section className="media-panel" aria-labelledby="media-heading">
      <h2 id="media-heading" className="room__subheading">
        {t('circles.media.heading')}
      </h2>
      <p>{t('circles.media.lead')}</p>
      <MediaChoice
        mode={media.mode}
        lost={media.lost}
        onText={() => void media.toText()}
        onDropCamera={() => void media.dropCamera()}
        onTurnOn={(stream, mode) => void media.turnOn(stream, mode)}
      />
      <CaptionSettings captions={captions} withVoice={media.mode !== 'text'} />
    </section>
  );
}
