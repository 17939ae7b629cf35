import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { useFormatDateTime, useFormatDay } from '../../i18n/format.ts';
import { useHarmLabel } from './labels.ts';

/** What the referrer wrote, as they wrote it, with who they are and how to reach them. */
export function ReferralSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const harmLabel = useHarmLabel();
  const formatDay = useFormatDay();
  const formatDateTime = useFormatDateTime();
  const { referral } = detail;
  return (
    <section id="case-referral" className="case-section" aria-labelledby="case-referral-heading">
      <h2 id="case-referral-heading">{t('conferences.case.referral.heading')}</h2>
      <dl className="case-facts">
        <div>
          <dt>{t('conferences.case.referral.from')}</dt>
          <dd>
            {[referral.name, referral.organisation].filter(Boolean).join(', ')}{' '}
            <span className="case-muted">({t(`conferences.referrers.${referral.kind}`)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('conferences.case.referral.contact')}</dt>
          <dd>{referral.contact}</dd>
        </div>
        <div>
          <dt>{t('conferences.case.referral.received')}</dt>
          <dd>{formatDateTime(referral.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('conferences.case.referral.harm')}</dt>
          <dd>{harmLabel(detail.harmType, detail.harmLabel)}</dd>
        </div>
        <div>
          <dt>{t('conferences.case.referral.when')}</dt>
          <dd>
            {detail.incidentOn
              ? formatDay(detail.incidentOn)
              : t('conferences.case.referral.whenUnknown')}
          </dd>
        </div>
        <div>
          <dt>{t('conferences.case.referral.urgency')}</dt>
          <dd>{t(`conferences.urgencies.${detail.urgency}`)}</dd>
        </div>
      </dl>
      <h3>{t('conferences.case.referral.summary')}</h3>
      <p className="conference-words">{referral.summary}</p>
      {referral.peopleInvolved ? (
        <>
          <h3>{t('conferences.case.referral.people')}</h3>
          <p className="conference-words">{referral.peopleInvolved}</p>
        </>
      ) : null}
    </section>
  );
}
