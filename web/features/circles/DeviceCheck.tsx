import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { ConnectionVerdict, useConnectionCheck } from './ConnectionVerdict.tsx';
import { type DeviceMode, followLevel, playTestSound } from './devices.ts';

/**
 * Plays a stream in an audio or video element (React has no prop for `srcObject`). Checked at
 * every render, since the element may appear later than the stream (a camera turned on).
 */
export function useStreamIn<Element extends HTMLMediaElement>(stream: MediaStream | null) {
  const ref = useRef<Element>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || element.srcObject === stream) return;
    element.srcObject = stream;
    if (stream) void element.play().catch(() => playOnFirstTouch(element));
  });
  return ref;
}

/**
 * A browser may refuse to play sound before the page is touched (after a reload, say): the
 * voices start at the person's first tap or key instead.
 */
function playOnFirstTouch(element: HTMLMediaElement): void {
  const retry = () => {
    document.removeEventListener('pointerdown', retry);
    document.removeEventListener('keydown', retry);
    void element.play().catch(() => undefined);
  };
  document.addEventListener('pointerdown', retry);
  document.addEventListener('keydown', retry);
}

/**
 * Before the circle hears them: the person sees their microphone move a bar, their camera's
 * picture, can play a tone to check their speaker, and reads whether their connection carries
 * what they chose. Nobody else sees or hears this.
 */
export function DeviceCheck({
  stream,
  mode,
  onConfirm,
  onCancel,
  onVoiceOnly,
}: {
  stream: MediaStream | null;
  mode: DeviceMode;
  onConfirm: () => void;
  onCancel: () => void;
  /** Chooses voice without the camera, as the connection may suggest. */
  onVoiceOnly: () => void;
}) {
  const { t } = useTranslation();
  const [level, setLevel] = useState(0);
  const preview = useStreamIn<HTMLVideoElement>(stream);
  // Timed while the browser asks for the microphone, so the verdict is ready sooner.
  const connection = useConnectionCheck();
  useEffect(() => (stream ? followLevel(stream, setLevel) : undefined), [stream]);
  return (
    <section className="device-check" aria-labelledby="device-check-heading">
      <h3 id="device-check-heading" className="device-check__heading">
        {t('circles.media.checkHeading')}
      </h3>
      {stream ? (
        <>
          <p>{t('circles.media.checkLead')}</p>
          <label className="device-check__level">
            <span>{t('circles.media.level')}</span>
            <meter min={0} max={1} low={0.15} optimum={0.5} value={level} />
          </label>
          {mode === 'video' ? (
            <figure className="device-check__preview">
              <video ref={preview} muted playsInline autoPlay />
              <figcaption>{t('circles.media.preview')}</figcaption>
            </figure>
          ) : null}
          <div className="device-check__sound">
            <Button variant="secondary" onPress={playTestSound}>
              {t('circles.media.testSound')}
            </Button>
            <p className="device-check__help">{t('circles.media.testSoundHelp')}</p>
          </div>
          <ConnectionVerdict check={connection} mode={mode} onVoiceOnly={onVoiceOnly} />
          <div className="device-check__actions">
            <Button onPress={onConfirm}>
              {mode === 'video' ? t('circles.media.confirmVideo') : t('circles.media.confirmAudio')}
            </Button>
            <Button variant="secondary" onPress={onCancel}>
              {t('circles.media.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <p role="status">{t('circles.media.checking')}</p>
      )}
    </section>
  );
}
