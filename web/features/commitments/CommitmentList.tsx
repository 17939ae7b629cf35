import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentSummary } from '../../../shared/commitments/contract.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { ProgressLine, StatusMarks, useOwnerName } from './badges.tsx';

/**
 * Commitments as cards, one a row: the title links to its page; owner, due day, status and
 * progress under it. `ownList` for the reader's own commitments, across programs: each names
 * its program instead of its owner, who is the reader.
 */
export function CommitmentList({
  commitments,
  ownList = false,
}: {
  commitments: readonly CommitmentSummary[];
  ownList?: boolean;
}) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const ownerName = useOwnerName();
  return (
    <ul className="commitment-list">
      {commitments.map((commitment) => (
        <li
          key={commitment.id}
          className={`commitment-card${commitment.overdue ? ' commitment-card--overdue' : ''}`}
        >
          <h2 className="commitment-card__title">
            <Link to={`/commitments/${commitment.id}`}>{commitment.title}</Link>
          </h2>
          <StatusMarks commitment={commitment} />
          <dl className="commitment-card__facts">
            {ownList ? (
              <div>
                <dt>{t('commitments.detail.facts.program')}</dt>
                <dd>{commitment.programName}</dd>
              </div>
            ) : (
              <div>
                <dt>{t('commitments.detail.facts.owner')}</dt>
                <dd>{ownerName(commitment.owner)}</dd>
              </div>
            )}
            <div>
              <dt>{t('commitments.detail.facts.due')}</dt>
              <dd>{formatDay(commitment.dueOn)}</dd>
            </div>
            <div>
              <dt>{t('commitments.detail.facts.progress')}</dt>
              <dd>
                <ProgressLine percent={commitment.percent} />
              </dd>
            </div>
            {commitment.visibility === 'public' ? null : (
              <div>
                <dt>{t('commitments.detail.facts.visibility')}</dt>
                <dd>{t(`commitments.visibilities.${commitment.visibility}.label`)}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
