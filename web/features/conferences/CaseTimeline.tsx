import { useTranslation } from 'react-i18next';
import type { CaseDetail, TimelineEntry } from '../../../shared/conferences/contract.ts';
import {
  type CaseStage,
  caseStages,
  type Outcome,
  outcomes,
} from '../../../shared/conferences/machine.ts';
import { useFormatDateTime } from '../../i18n/format.ts';

const text = (data: Record<string, unknown>, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = data[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
};
const isStage = (value: unknown): value is CaseStage =>
  (caseStages as readonly unknown[]).includes(value);
const isOutcome = (value: unknown): value is Outcome =>
  (outcomes as readonly unknown[]).includes(value);

/** One event in words, with the names of the party or item it concerns. */
function useEventWords(detail: CaseDetail): (entry: TimelineEntry) => string {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (entry) => {
    const { data } = entry;
    const partyId = text(data, 'partyId', 'party');
    const party = detail.parties.find((each) => each.id === partyId);
    const name = party?.name ?? t('conferences.timeline.aParty');
    const itemId = text(data, 'itemId', 'item');
    const item = detail.items.find((each) => each.id === itemId);
    const kind = item ? t(`conferences.itemKinds.${item.kind}`) : t('conferences.timeline.anItem');
    const outcome = isOutcome(data.outcome) ? t(`conferences.outcomes.${data.outcome}`) : '';
    switch (entry.type) {
      case 'eligibility_recorded':
        return data.eligible === false
          ? t('conferences.timeline.notEligible')
          : t('conferences.timeline.eligible');
      case 'signed_off': {
        const stage = data.stage === 'closure' ? 'closure' : 'screening';
        return data.approved === false
          ? t(`conferences.timeline.returned.${stage}`)
          : t(`conferences.timeline.approved.${stage}`);
      }
      case 'party_added':
        return t('conferences.timeline.party_added', {
          name,
          role: party ? t(`conferences.roles.${party.role}`) : '',
        });
      case 'party_removed':
      case 'consent_given':
      case 'consent_withdrawn':
        return t(`conferences.timeline.${entry.type}`, { name });
      case 'scheduled': {
        const startsAt = text(data, 'startsAt');
        return t('conferences.timeline.scheduled', {
          date: startsAt ? formatDateTime(startsAt) : '',
        });
      }
      case 'item_added':
      case 'item_removed':
      case 'item_reopened':
        return t(`conferences.timeline.${entry.type}`, { kind });
      case 'item_settled':
        return data.status === 'not_done'
          ? t('conferences.timeline.itemNotDone', { kind })
          : t('conferences.timeline.itemDone', { kind });
      case 'closure_requested':
      case 'closed':
        return t(`conferences.timeline.${entry.type}`, { outcome });
      case 'reopened': {
        const to = isStage(data.to) ? data.to : isStage(data.stage) ? data.stage : null;
        return t('conferences.timeline.reopened', {
          stage: to ? t(`conferences.stages.${to}`) : '',
        });
      }
      default:
        return t(`conferences.timeline.${entry.type}`);
    }
  };
}

/** What happened to the case, oldest first, who did it and why. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const words = useEventWords(detail);
  return (
    <section id="case-timeline" className="case-section" aria-labelledby="case-timeline-heading">
      <h2 id="case-timeline-heading">{t('conferences.timeline.heading')}</h2>
      <ol className="case-timeline">
        {detail.timeline.map((entry) => (
          <li key={entry.id} className="case-timeline__entry">
            <p className="case-timeline__what">{words(entry)}</p>
            {entry.words ? (
              <p className="case-timeline__why conference-words">
                {t('conferences.timeline.why', { words: entry.words })}
              </p>
            ) : null}
            <p className="case-timeline__meta">
              {entry.byName ? `${entry.byName} · ` : ''}
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
