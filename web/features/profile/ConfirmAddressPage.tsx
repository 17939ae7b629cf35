import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import {
  ADDRESS_CONFIRMATION_HOURS,
  confirmAddressRequest,
} from '../../../shared/profile/contract.ts';
import { ApiError } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { confirmAddress } from './api.ts';
import '../../app/status-page.css';

type Outcome = 'invalid' | 'taken';

/** The link's token is in the address's #fragment, so it never reaches a server log. */
function useLinkToken(): string {
  const { hash } = useLocation();
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

function StatusPage({ heading, children }: { heading: string; children: ReactNode }) {
  useDocumentTitle(heading);
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{heading}</PageHeading>
      {children}
    </div>
  );
}

function AccountLink() {
  const { t } = useTranslation();
  return (
    <div className="status-page__actions">
      <Link to="/me" className={buttonClassName('primary')}>
        {t('confirmAddress.accountLink')}
      </Link>
    </div>
  );
}

function NotConfirmed({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <StatusPage heading={t(`confirmAddress.${outcome}.heading`)}>
      <p className="status-page__body">
        {t(`confirmAddress.${outcome}.body`, { hours: ADDRESS_CONFIRMATION_HOURS })}
      </p>
      <p>{t(`confirmAddress.${outcome}.next`)}</p>
      <AccountLink />
    </StatusPage>
  );
}

/**
 * /me/address#<token>: the link sent to a new address. Opening it confirms the address, from
 * any device and without signing in; the page then says what it makes possible.
 */
export function ConfirmAddressPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const token = useLinkToken();
  const valid = confirmAddressRequest.shape.token.safeParse(token).success;
  // A query rather than a mutation: it runs once per token, however often the page renders.
  const confirmation = useQuery({
    queryKey: ['me', 'address', 'confirm', token],
    queryFn: ({ signal }) => confirmAddress(token, signal),
    enabled: valid,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const confirmed = confirmation.isSuccess;
  useEffect(() => {
    // The account page, if open on this device, shows the new address.
    if (confirmed) void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
  }, [confirmed, queryClient]);

  if (!valid) return <NotConfirmed outcome="invalid" />;
  if (confirmation.isPending) {
    return <p className="page-loading">{t('confirmAddress.checking')}</p>;
  }
  if (confirmation.isError) {
    const error = confirmation.error;
    if (error instanceof ApiError && error.status === 409) return <NotConfirmed outcome="taken" />;
    if (error instanceof ApiError && error.status < 500) return <NotConfirmed outcome="invalid" />;
    return (
      <StatusPage heading={t('confirmAddress.failed.heading')}>
        <p className="status-page__body">{t('confirmAddress.failed.body')}</p>
        <Button
          isBusy={confirmation.isFetching}
          onPress={() => {
            if (!confirmation.isFetching) void confirmation.refetch();
          }}
        >
          {t('profile.retry')}
        </Button>
      </StatusPage>
    );
  }
  return (
    <StatusPage heading={t('confirmAddress.done.heading')}>
      <p className="status-page__body">
        {t('confirmAddress.done.body', { email: confirmation.data })}
      </p>
      <p>{t('confirmAddress.done.next')}</p>
      <AccountLink />
    </StatusPage>
  );
}
