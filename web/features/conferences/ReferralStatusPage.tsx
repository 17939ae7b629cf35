import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../shared/conferences/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchReferralStatus, referralStatusKey } from './api.ts';
import { ByLink, LinkClosed } from './LinkClosed.tsx';
import { looksLikeToken, useLinkToken } from './useLinkToken.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';

const steps = ['received', 'in_progress', 'closed'] as const;

/** Where the referral is: three steps in words, the current one marked, and what it means. */
function StatusView({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const current = steps.indexOf(status.state);
  return (
    <div className="form-page">
      <p className="conference-eyebrow">{status.programName}</p>
      <PageHeading>{t('conferences.status.heading', { reference: status.reference })}</PageHeading>
      <p className="form-page__lead">
        {t('conferences.status.receivedOn', { date: formatDate(status.receivedAt) })}
      </p>
      <ol className="referral-steps" aria-label={t('conferences.status.stepsLabel')}>
        {steps.map((step, index) => (
          <li
            key={step}
            className={`referral-steps__step${index <= current ? ' referral-steps__step--reached' : ''}`}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="referral-steps__mark" aria-hidden="true" />
            {t(`conferences.status.states.${step}`)}
          </li>
        ))}
      </ol>
      <section className="conference-panel" aria-labelledby="status-now">
        <h2 id="status-now">{t(`conferences.status.states.${status.state}`)}</h2>
        <p>{t(`conferences.status.explain.${status.state}`)}</p>
        {status.outcome ? (
          <p>
            <strong>{t('conferences.status.outcome')}</strong>{' '}
            {t(`conferences.outcomes.${status.outcome}`)}
          </p>
        ) : null}
        {status.routedBackReason ? (
          <>
            <h3>{t('conferences.status.routedBack')}</h3>
            <p className="conference-words">{status.routedBackReason}</p>
          </>
        ) : null}
      </section>
      <p className="form-aside">{t('conferences.status.privacy')}</p>
    </div>
  );
}

/** /conferences/referral-status#<token>: the referrer follows their referral, outcome only. */
export function ReferralStatusPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('conferences.status.title'));
  const token = useLinkToken();
  const valid = looksLikeToken(token);
  const status = useQuery({
    queryKey: referralStatusKey(token),
    queryFn: ({ signal }) => fetchReferralStatus(token, signal),
    enabled: valid,
    retry: retryUnlessRefused,
  });
  const closed = {
    heading: t('conferences.status.closed.heading'),
    body: t('conferences.status.closed.body'),
  };
  if (!valid) return <LinkClosed {...closed} />;
  return (
    <ByLink
      query={status}
      title={t('conferences.status.title')}
      closed={closed}
      loading={t('conferences.status.loading')}
    >
      {(data) => <StatusView status={data} />}
    </ByLink>
  );
}
