import { useTranslation } from 'react-i18next';
import type { VoiceReport } from '../../../shared/circles/contract.ts';

const groups = ['officers', 'residents', 'others'] as const;

/** Minutes with one decimal: a circle's turns are often shorter than a minute. */
function minutesOf(ms: number): string {
  return (Math.round(ms / 6_000) / 10).toLocaleString();
}

/**
 * Equal voice: turns with the piece and time holding it, by group (officers, residents,
 * everyone else), so that a keeper sees whether a badge bought more airtime. Never words.
 */
export function VoiceTable({ voice, caption }: { voice: VoiceReport; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="voice-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('circles.voice.group')}</th>
          <th scope="col">{t('circles.voice.people')}</th>
          <th scope="col">{t('circles.voice.turns')}</th>
          <th scope="col">{t('circles.voice.minutes')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group}>
            <th scope="row">{t(`circles.voice.groups.${group}`)}</th>
            <td>{voice[group].people}</td>
            <td>{voice[group].turns}</td>
            <td>{minutesOf(voice[group].heldMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
