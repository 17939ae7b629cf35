import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../shared/conferences/contract.ts';
import { useFormatDate, useFormatDateTime } from '../../i18n/format.ts';
import { MisconductMark, PausedMark, UrgencyMark } from './marks.tsx';

/** One case on the board: its reference, marks, and what it waits for, at a glance. */
export function CaseCard({ summary, harmLabel }: { summary: CaseSummary; harmLabel: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const lead = summary.team.find((member) => member.role === 'lead');
  return (
    <li
      className={`case-card case-card--${summary.urgency}${summary.paused ? ' case-card--paused' : ''}`}
    >
      <h3 className="case-card__title">
        <Link to={`/conferences/${summary.id}`}>{summary.reference}</Link>
      </h3>
      <p className="case-card__harm">{harmLabel}</p>
      <p className="case-marks">
        <UrgencyMark urgency={summary.urgency} />
        {summary.paused ? <PausedMark /> : null}
        {summary.misconduct ? <MisconductMark /> : null}
      </p>
      <dl className="case-facts case-facts--compact">
        <div>
          <dt>{t('conferences.board.parties')}</dt>
          <dd>
            {summary.parties.total === 0
              ? t('conferences.board.noParties')
              : t('conferences.board.consented', {
                  consented: summary.parties.consented,
                  total: summary.parties.total,
                })}
          </dd>
        </div>
        {summary.items.open > 0 || summary.items.overdue > 0 ? (
          <div>
            <dt>{t('conferences.board.items')}</dt>
            <dd>
              {t('conferences.board.itemsOpen', { count: summary.items.open })}
              {summary.items.overdue > 0
                ? `, ${t('conferences.board.itemsOverdue', { count: summary.items.overdue })}`
                : ''}
            </dd>
          </div>
        ) : null}
        {summary.startsAt ? (
          <div>
            <dt>{t('conferences.board.startsAt')}</dt>
            <dd>{formatDateTime(summary.startsAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('conferences.board.leadFacilitator')}</dt>
          <dd>{lead ? lead.name : t('conferences.board.noLead')}</dd>
        </div>
        <div>
          <dt>{t('conferences.board.received')}</dt>
          <dd>{formatDate(summary.createdAt)}</dd>
        </div>
      </dl>
    </li>
  );
}
