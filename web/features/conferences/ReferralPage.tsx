import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralReceipt } from '../../../shared/conferences/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { previewReferral, referralFormKey } from './api.ts';
import { ByLink, LinkClosed } from './LinkClosed.tsx';
import { OnceLink } from './OnceLink.tsx';
import { ReferralFormView } from './ReferralForm.tsx';
import { looksLikeToken, useLinkToken } from './useLinkToken.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';

/** After sending: the reference, and the status link, which the referrer must keep. */
function Receipt({ receipt }: { receipt: ReferralReceipt }) {
  const { t } = useTranslation();
  return (
    <div className="form-page">
      <PageHeading focusOnMount>{t('conferences.refer.received.heading')}</PageHeading>
      <p className="form-page__lead">{t('conferences.refer.received.lead')}</p>
      <p className="referral-reference">
        {t('conferences.refer.received.reference')}{' '}
        <strong data-testid="referral-reference">{receipt.reference}</strong>
      </p>
      <OnceLink
        level={2}
        heading={t('conferences.refer.received.keepHeading')}
        url={receipt.statusUrl}
        testId="referral-status-link"
      >
        <p>{t('conferences.refer.received.keep')}</p>
        <p>
          <a href={receipt.statusUrl} className="once-link__open">
            {t('conferences.refer.received.open')}
          </a>
        </p>
      </OnceLink>
      <h2 className="referral-next__heading">{t('conferences.refer.received.nextHeading')}</h2>
      <ol className="referral-next">
        <li>{t('conferences.refer.received.next1')}</li>
        <li>{t('conferences.refer.received.next2')}</li>
        <li>{t('conferences.refer.received.next3')}</li>
      </ol>
    </div>
  );
}

/**
 * /conferences/refer#<token>: a program's public referral form, for anyone, with no account.
 * The token is in the address's fragment, so it never reaches a server log; the page posts it.
 */
export function ReferralPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('conferences.refer.title'));
  const token = useLinkToken();
  const valid = looksLikeToken(token);
  const [receipt, setReceipt] = useState<ReferralReceipt | null>(null);
  const preview = useQuery({
    queryKey: referralFormKey(token),
    queryFn: ({ signal }) => previewReferral(token, signal),
    enabled: valid,
    retry: retryUnlessRefused,
  });
  const closed = {
    heading: t('conferences.refer.closed.heading'),
    body: t('conferences.refer.closed.body'),
  };
  if (!valid) return <LinkClosed {...closed} />;
  if (receipt) return <Receipt receipt={receipt} />;
  return (
    <ByLink
      query={preview}
      title={t('conferences.refer.title')}
      closed={closed}
      loading={t('conferences.refer.loading')}
    >
      {(form) => (
        <div className="form-page referral-page">
          <p className="conference-eyebrow">
            {t('conferences.refer.eyebrow', {
              program: form.programName,
              organisation: form.organisationName,
            })}
          </p>
          <PageHeading>{t('conferences.refer.heading')}</PageHeading>
          <p className="form-page__lead">{t('conferences.refer.lead')}</p>
          <ul className="conference-promises">
            <li>{t('conferences.refer.promises.voluntary')}</li>
            <li>
              {form.misconduct
                ? t('conferences.refer.promises.firewall')
                : t('conferences.refer.promises.team')}
            </li>
            <li>{t('conferences.refer.promises.help')}</li>
          </ul>
          <ReferralFormView token={token} preview={form} onReceived={setReceipt} />
        </div>
      )}
    </ByLink>
  );
}
