import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../i18n/format.ts';
import { fetchMyEvents, myEventsKey } from './events-api.ts';

// A young person's upcoming events of one program, on their own page. Shown only while they may
// take part; the server gives none before that either.

export function MyEvents({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const events = useQuery({
    queryKey: myEventsKey,
    queryFn: ({ signal }) => fetchMyEvents(signal),
  });
  if (!events.data) return null;
  const mine = events.data.filter((event) => event.programId === programId);
  return (
    <section className="young-card" aria-labelledby={`young-events-${programId}`}>
      <h3 id={`young-events-${programId}`}>{t('youthEvents.mine.heading')}</h3>
      {mine.length === 0 ? (
        <p>{t('youthEvents.mine.none')}</p>
      ) : (
        <ul className="young-list">
          {mine.map((event) => (
            <li key={event.id}>
              <strong>{event.title}</strong>
              <br />
              {t('youthEvents.mine.item', {
                when: formatDateTime(event.startsAt),
                place: event.place,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
