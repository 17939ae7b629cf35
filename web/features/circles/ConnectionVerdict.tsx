import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConnectionFigures,
  connectionVerdict,
} from '../../../shared/circles/connection-check.ts';
import { Button } from '../../ui/Button.tsx';
import { measureConnection } from './bandwidth.ts';
import type { DeviceMode } from './devices.ts';

export type ConnectionCheck =
  | { status: 'measuring' }
  | { status: 'done'; figures: ConnectionFigures }
  | { status: 'failed' };

/** Times the line once, when the device check opens; leaving the check stops it. */
export function useConnectionCheck(): ConnectionCheck {
  const [check, setCheck] = useState<ConnectionCheck>({ status: 'measuring' });
  useEffect(() => {
    const controller = new AbortController();
    measureConnection({ signal: controller.signal }).then(
      (figures) => setCheck({ status: 'done', figures }),
      () => {
        if (!controller.signal.aborted) setCheck({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, []);
  return check;
}

/**
 * What the line to our server carries, in words: good for voice and camera, enough for voice
 * (with a way to turn the camera off), or too slow for voice. A suggestion: the person still
 * chooses. The figures are there for whoever wants them, never needed to understand.
 */
export function ConnectionVerdict({
  check,
  mode,
  onVoiceOnly,
}: {
  check: ConnectionCheck;
  mode: DeviceMode;
  onVoiceOnly: () => void;
}) {
  const { t, i18n } = useTranslation();
  let words = t('circles.media.connection.checking');
  let tone = 'neutral';
  let details: string | null = null;
  let offerVoiceOnly = false;
  if (check.status === 'failed') words = t('circles.media.connection.failed');
  if (check.status === 'done') {
    const { downKbps, rttMs } = check.figures;
    const verdict = connectionVerdict(check.figures);
    offerVoiceOnly = verdict === 'voice' && mode === 'video';
    words = offerVoiceOnly
      ? t('circles.media.connection.voiceNotCamera')
      : t(`circles.media.connection.${verdict}`);
    tone = verdict === 'text' || offerVoiceOnly ? 'caution' : 'good';
    const mbps = downKbps / 1000;
    // Two figures are enough to read: 0.04, 2.4, 19, 140.
    const speed = new Intl.NumberFormat(
      i18n.language,
      mbps < 10 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 0 },
    ).format(mbps);
    details = Number.isFinite(rttMs)
      ? t('circles.media.connection.details', { speed, rtt: Math.round(rttMs) })
      : t('circles.media.connection.detailsNoAnswer', { speed });
  }
  return (
    <div className={`connection-verdict connection-verdict--${tone}`}>
      <p role="status" className="connection-verdict__words">
        {words}
      </p>
      {details ? <p className="connection-verdict__details">{details}</p> : null}
      {offerVoiceOnly ? (
        <Button variant="secondary" onPress={onVoiceOnly}>
          {t('circles.media.connection.voiceOnly')}
        </Button>
      ) : null}
    </div>
  );
}
