import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CircleStatus, CircleSummary } from '../../../shared/circles/contract.ts';
import { useFormatCircleTime } from './format.ts';
import { groupCircles } from './groups.ts';

/** Its status in words, beside a dot: never a colour alone. */
export function CircleStatusMark({ status }: { status: CircleStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`circle-status circle-status--${status}`}>
      <span className="circle-status__dot" aria-hidden="true" />
      {t(`circles.statuses.${status}`)}
    </span>
  );
}

function CircleCards({
  circles,
  showProgram,
}: {
  circles: readonly CircleSummary[];
  showProgram: boolean;
}) {
  const { t } = useTranslation();
  const formatTime = useFormatCircleTime();
  return (
    <ul className="circle-list">
      {circles.map((circle) => (
        <li key={circle.id} className={`circle-card circle-card--${circle.status}`}>
          <h3 className="circle-card__title">
            <Link to={`/circles/${circle.id}`}>
              {circle.purpose}
              {/* A series repeats its purpose: the date tells its links apart when read alone. */}
              <span className="visually-hidden">
                , {formatTime(circle.startsAt, circle.timeZone)}
              </span>
            </Link>
          </h3>
          <CircleStatusMark status={circle.status} />
          <dl className="circle-facts circle-facts--compact">
            <div>
              <dt>{t('circles.facts.when')}</dt>
              <dd>{formatTime(circle.startsAt, circle.timeZone)}</dd>
            </div>
            {showProgram ? (
              <div>
                <dt>{t('circles.facts.program')}</dt>
                <dd>{circle.programName}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('circles.facts.keeper')}</dt>
              <dd>{circle.keeper.name}</dd>
            </div>
            {circle.series ? (
              <div>
                <dt>{t('circles.facts.series')}</dt>
                <dd>
                  {t('circles.facts.seriesPosition', {
                    position: circle.series.position,
                    count: circle.series.count,
                  })}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('circles.facts.seats')}</dt>
              <dd>
                {t('circles.facts.seatsTaken', { seats: circle.seats, capacity: circle.capacity })}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/**
 * Circles in three groups (live now, coming up, past), each under its heading; a group with
 * nothing in it is left out. `showProgram` for a list across programs.
 */
export function CircleList({
  circles,
  showProgram = false,
}: {
  circles: readonly CircleSummary[];
  showProgram?: boolean;
}) {
  const { t } = useTranslation();
  const groups = groupCircles(circles);
  return (
    <>
      {(['live', 'upcoming', 'past'] as const).map((group) =>
        groups[group].length === 0 ? null : (
          <section key={group} className="circle-group" aria-labelledby={`circles-${group}`}>
            <h2 id={`circles-${group}`} className="circle-group__heading">
              {t(`circles.groups.${group}`)}
            </h2>
            <CircleCards circles={groups[group]} showProgram={showProgram} />
          </section>
        ),
      )}
    </>
  );
}
