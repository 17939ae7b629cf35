import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useFormatDay } from '../../i18n/format.ts';
import { fetchPrevious, previousKey } from './api.ts';
import { useFormatCircleTime } from './format.ts';

/**
 * For a circle of a series: what the last circle harvested and the promises still open, to
 * open this one with. Nothing is shown for a first circle, or to someone not allowed to read it.
 */
export function PreviousHarvest({ circleId, timeZone }: { circleId: string; timeZone: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatCircleTime();
  const formatDay = useFormatDay();
  const previous = useQuery({
    queryKey: previousKey(circleId),
    queryFn: ({ signal }) => fetchPrevious(circleId, signal),
    retry: retryUnlessRefused,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const data = previous.data;
  if (!data) return null;
  return (
    <section className="previous" aria-labelledby="previous-heading">
      <h2 id="previous-heading" className="room__subheading">
        {t('circles.previous.heading')}
      </h2>
      <p className="circle-muted">
        {t('circles.previous.when', { date: formatTime(data.startsAt, timeZone) })}
      </p>
      <h3 className="previous__minor">{t('circles.previous.themes')}</h3>
      <p className="previous__themes">{data.themes}</p>
      <h3 className="previous__minor">{t('circles.previous.open')}</h3>
      {data.openCommitments.length === 0 ? (
        <p>{t('circles.previous.noneOpen')}</p>
      ) : (
        <ul className="previous__commitments">
          {data.openCommitments.map((commitment) => (
            <li key={commitment.id}>
              <Link to={`/commitments/${commitment.id}`}>{commitment.title}</Link>{' '}
              <span className="circle-muted">
                {commitment.overdue
                  ? t('circles.previous.overdue', { day: formatDay(commitment.dueOn) })
                  : t('circles.previous.due', { day: formatDay(commitment.dueOn) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
