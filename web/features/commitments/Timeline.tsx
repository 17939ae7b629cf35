import { useTranslation } from 'react-i18next';
import type { CommitmentTimelineEntry } from '../../../shared/commitments/contract.ts';
import { useFormatDateTime, useFormatDay } from '../../i18n/format.ts';

/** One step in words: what happened, in the reader's language. */
function useStepWords(): (entry: CommitmentTimelineEntry) => string {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (entry) => {
    switch (entry.kind) {
      case 'created':
        return t('commitments.detail.timeline.created', { day: formatDay(entry.dueOn ?? '') });
      case 'status_changed':
        return t('commitments.detail.timeline.status_changed', {
          from: entry.from ? t(`commitments.statuses.${entry.from}`) : '',
          to: entry.to ? t(`commitments.statuses.${entry.to}`) : '',
        });
      case 'progress_reported':
        return t('commitments.detail.timeline.progress_reported', { percent: entry.percent });
      case 'due_date_moved':
        return t('commitments.detail.timeline.due_date_moved', {
          day: formatDay(entry.dueOn ?? ''),
        });
      case 'completion_verified':
        return t('commitments.detail.timeline.completion_verified');
      case 'evidence_added':
        return t('commitments.detail.timeline.evidence_added');
    }
  };
}

/** Who did what, when and why, oldest first: the commitment's story as it happened. */
export function Timeline({ entries }: { entries: readonly CommitmentTimelineEntry[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const words = useStepWords();
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="timeline__entry">
          <p className="timeline__what">{words(entry)}</p>
          {entry.reason ? (
            <p className="timeline__why">
              {entry.kind === 'completion_verified'
                ? t('commitments.detail.timeline.note', { note: entry.reason })
                : t('commitments.detail.timeline.why', { reason: entry.reason })}
            </p>
          ) : null}
          {entry.evidence?.text ? (
            <p className="timeline__evidence">{entry.evidence.text}</p>
          ) : null}
          {entry.evidence && entry.evidence.links.length > 0 ? (
            <ul className="timeline__links">
              {entry.evidence.links.map((link) => (
                <li key={link}>
                  {/* Typed by the owner: the site it leads to learns nothing of this page. */}
                  <a href={link} rel="noopener noreferrer">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="timeline__meta">
            {entry.byName === null
              ? null
              : `${entry.byOfficer ? t('commitments.detail.timeline.officer', { name: entry.byName }) : entry.byName} · `}
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
