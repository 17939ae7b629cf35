import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MediaMode, mediaModes } from '../../../shared/circles/machine.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { CaptionSettings } from './Captions.tsx';
import { DeviceCheck } from './DeviceCheck.tsx';
import { closeDevices, type DeviceMode, type DeviceProblem, openDevices } from './devices.ts';
import type { CircleCaptions } from './useCaptions.ts';
import type { CircleMedia } from './useCircleMedia.ts';

interface Check {
  mode: DeviceMode;
  /** Null while the browser is asked. */
  stream: MediaStream | null;
}

const isMediaMode = (value: string): value is MediaMode =>
  (mediaModes as readonly string[]).includes(value);

/**
 * "How you take part": text only, voice, or voice and camera, changed at any time. Voice and
 * camera go on only after the person has checked them; a browser that says no leaves them by
 * text, told why and how to allow it.
 */
export function MediaPanel({ media, captions }: { media: CircleMedia; captions: CircleCaptions }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check | null>(null);
  const [problem, setProblem] = useState<DeviceProblem | null>(null);
  const asked = useRef(0);
  const checking = useRef<MediaStream | null>(null);
  checking.current = check?.stream ?? null;
  // A check left open when the page goes ends its tracks.
  useEffect(() => () => closeDevices(checking.current), []);

  const endCheck = (keepStream = false) => {
    asked.current += 1;
    if (!keepStream) closeDevices(check?.stream ?? null);
    setCheck(null);
  };

  const choose = async (value: string) => {
    if (!isMediaMode(value)) return;
    setProblem(null);
    if (value === media.mode) return endCheck();
    if (value === 'text') {
      endCheck();
      return media.toText();
    }
    if (value === 'audio' && media.mode === 'video') {
      endCheck();
      return media.dropCamera();
    }
    closeDevices(check?.stream ?? null);
    asked.current += 1;
    const request = asked.current;
    setCheck({ mode: value, stream: null });
    const result = await openDevices(value);
    // Another choice was made meanwhile: this answer is no longer wanted.
    if (request !== asked.current) {
      if ('stream' in result) closeDevices(result.stream);
      return;
    }
    if ('stream' in result) {
      setCheck({ mode: value, stream: result.stream });
      return;
    }
    setCheck(null);
    setProblem(result.problem);
  };

  const confirm = () => {
    if (!check?.stream) return;
    const { stream, mode } = check;
    endCheck(true);
    void media.turnOn(stream, mode);
  };

  const shown = problem ?? media.lost;
  return (
    <section className="media-panel" aria-labelledby="media-heading">
      <h2 id="media-heading" className="room__subheading">
        {t('circles.media.heading')}
      </h2>
      <p>{t('circles.media.lead')}</p>
      <RadioGroup
        label={t('circles.media.choice')}
        layout="stack"
        value={check?.mode ?? media.mode}
        onChange={(value) => void choose(value)}
        options={[
          {
            value: 'text',
            label: t('circles.media.text'),
            description: t('circles.media.textHelp'),
          },
          {
            value: 'audio',
            label: t('circles.media.audio'),
            description: t('circles.media.audioHelp'),
          },
          {
            value: 'video',
            label: t('circles.media.video'),
            description: t('circles.media.videoHelp'),
          },
        ]}
      />
      <div className="media-panel__problem" role="status">
        {shown ? (
          <p className="circle-notice">
            {t(`circles.media.${shown === media.lost && !problem ? 'lostOnReturn' : shown}`)}
          </p>
        ) : null}
      </div>
      {check ? (
        <DeviceCheck
          stream={check.stream}
          mode={check.mode}
          onConfirm={confirm}
          onCancel={() => endCheck()}
          onVoiceOnly={() => void choose('audio')}
        />
      ) : null}
      <CaptionSettings captions={captions} withVoice={media.mode !== 'text'} />
    </section>
  );
}
