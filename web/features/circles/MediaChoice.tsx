import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MediaMode, mediaModes } from '../../../shared/circles/machine.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { DeviceCheck } from './DeviceCheck.tsx';
import { closeDevices, type DeviceMode, type DeviceProblem, openDevices } from './devices.ts';
import './media.css';

interface Check {
  mode: DeviceMode;
  /** Null while the browser is asked. */
  stream: MediaStream | null;
}

const isMediaMode = (value: string): value is MediaMode =>
  (mediaModes as readonly string[]).includes(value);

export interface MediaChoiceProps {
  /** How the person takes part now (or will, once they join). */
  mode: MediaMode;
  /** Why their voice went back to text without their asking, e.g. after a reload. */
  lost?: DeviceProblem | null;
  onText(): void;
  /** From voice and camera to voice alone: no check is needed. */
  onDropCamera(): void;
  /** Voice, or voice and camera, with a stream the person has checked. */
  onTurnOn(stream: MediaStream, mode: DeviceMode): void;
}

/**
 * Text only, voice, or voice and camera. Voice and camera are taken only after the person has
 * checked them; a browser that says no leaves them by text, told why and how to allow it. Used
 * in the room and on the page before joining.
 */
export function MediaChoice({
  mode,
  lost = null,
  onText,
  onDropCamera,
  onTurnOn,
}: MediaChoiceProps) {
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
    if (value === mode) return endCheck();
    if (value === 'text') {
      endCheck();
      return onText();
    }
    if (value === 'audio' && mode === 'video') {
      endCheck();
      return onDropCamera();
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
    const { stream, mode: checked } = check;
    endCheck(true);
    onTurnOn(stream, checked);
  };

  const shown = problem ?? lost;
  return (
    <>
      <RadioGroup
        label={t('circles.media.choice')}
        layout="stack"
        value={check?.mode ?? mode}
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
            {t(`circles.media.${shown === lost && !problem ? 'lostOnReturn' : shown}`)}
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
    </>
  );
}
