import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SETUP_LINK_HOURS, setupStatusQuery } from '../../../shared/setup/contract.ts';
import { ApiError, NetworkError } from '../../app/api.ts';
import type { SignInState } from '../../app/session.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchSetupStatus, setupStatusKey } from './api.ts';
import { ChoosePasswordForm } from './ChoosePasswordForm.tsx';
import { SetupForm } from './SetupForm.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './setup.css';

type Outcome =
  | { kind: 'created'; organisationName: string; email: string }
  | { kind: 'password-set'; organisationName: string; email: string }
  | { kind: 'invalid-link' }
  | { kind: 'conflict' };

/** The one-time token is in the address's #fragment, so it never reaches a server log. */
function useSetupToken(): string {
  const { hash } = useLocation();
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

function SuccessMark() {
  return (
    <svg
      className="setup-done__mark"
      viewBox="0 0 48 48"
      width="48"
      height="48"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="24" cy="24" r="22" className="setup-done__disc" />
      <path
        d="M14 25l7 7 13-15"
        fill="none"
        className="setup-done__tick"
        strokeWidth="3.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function SignInLink({
  email,
  variant = 'primary',
}: {
  email?: string;
  variant?: 'primary' | 'secondary';
}) {
  const { t } = useTranslation();
  const state: SignInState = { email };
  return (
    <Link to="/sign-in" state={state} className={buttonClassName(variant)}>
      {t('setup.done.signIn')}
    </Link>
  );
}

function Done({
  heading,
  title,
  body,
  next,
  email,
}: {
  heading: string;
  title: string;
  body: string;
  next?: string;
  email: string;
}) {
  useDocumentTitle(title);
  return (
    <div className="status-page setup-done">
      <SuccessMark />
      <PageHeading focusOnMount>{heading}</PageHeading>
      <p className="status-page__body">{body}</p>
      {next ? <p className="setup-done__next">{next}</p> : null}
      <div className="status-page__actions">
        <SignInLink email={email} />
      </div>
    </div>
  );
}

function InvalidLink({ focusOnMount = false }: { focusOnMount?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('setup.invalid.title'));
  return (
    <div className="status-page">
      <PageHeading focusOnMount={focusOnMount}>{t('setup.invalid.heading')}</PageHeading>
      <p className="status-page__body">{t('setup.invalid.body', { hours: SETUP_LINK_HOURS })}</p>
      <p>{t('setup.invalid.newLink')}</p>
      <p>{t('setup.invalid.signInHint')}</p>
      <div className="status-page__actions">
        <SignInLink variant="secondary" />
      </div>
    </div>
  );
}

function Conflict() {
  const { t } = useTranslation();
  useDocumentTitle(t('setup.conflict.title'));
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{t('setup.conflict.heading')}</PageHeading>
      <p className="status-page__body">{t('setup.conflict.body')}</p>
      <p>{t('setup.conflict.next')}</p>
      <div className="status-page__actions">
        <SignInLink />
      </div>
    </div>
  );
}

function Checking() {
  const { t } = useTranslation();
  useDocumentTitle(t('setup.title'));
  return <p className="page-loading">{t('setup.checking')}</p>;
}

function Unreachable({ onRetry, isRetrying }: { onRetry: () => void; isRetrying: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('setup.title'));
  return (
    <div className="status-page">
      <PageHeading>{t('setup.unreachable.heading')}</PageHeading>
      <p className="status-page__body">{t('forms.network')}</p>
      <div className="status-page__actions">
        <Button onPress={() => (isRetrying ? undefined : onRetry())} isBusy={isRetrying}>
          {t('setup.unreachable.retry')}
        </Button>
      </div>
    </div>
  );
}

/**
 * First run: opened from the one-time link that the server prints when it starts on an empty
 * database. Creates the first organisation and its admin (or lets the admin created by
 * `restorativ init` choose a password), or explains kindly that the link no longer works.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const token = useSetupToken();
  // A missing or malformed token is treated like an expired one, without asking the server.
  const looksValid = setupStatusQuery.safeParse({ token }).success;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const status = useQuery({
    queryKey: setupStatusKey(token),
    queryFn: ({ signal }) => fetchSetupStatus(token, signal),
    enabled: looksValid && outcome === null,
    // Only a lost connection is worth retrying; an answer from the server is final.
    retry: (failures, error) => error instanceof NetworkError && failures < 2,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (outcome?.kind === 'created') {
    return (
      <Done
        title={t('setup.done.title')}
        heading={t('setup.done.heading')}
        body={t('setup.done.body', { organisation: outcome.organisationName })}
        next={t('setup.done.next', { email: outcome.email })}
        email={outcome.email}
      />
    );
  }
  if (outcome?.kind === 'password-set') {
    return (
      <Done
        title={t('setup.choosePassword.doneTitle')}
        heading={t('setup.choosePassword.doneHeading')}
        body={t('setup.choosePassword.doneBody', {
          organisation: outcome.organisationName,
          email: outcome.email,
        })}
        email={outcome.email}
      />
    );
  }
  if (outcome?.kind === 'invalid-link') return <InvalidLink focusOnMount />;
  if (outcome?.kind === 'conflict') return <Conflict />;
  if (!looksValid) return <InvalidLink />;

  if (status.isPending) return <Checking />;
  if (status.isError) {
    // The server refused the token itself (say, a mangled link): the same as an expired one.
    if (status.error instanceof ApiError && status.error.status === 400) return <InvalidLink />;
    return <Unreachable onRetry={() => void status.refetch()} isRetrying={status.isFetching} />;
  }

  const data = status.data;
  switch (data.state) {
    case 'invalid':
      return <InvalidLink />;
    case 'open':
      return <SetupForm token={token} onOutcome={setOutcome} />;
    case 'choose-password':
      return (
        <ChoosePasswordForm
          token={token}
          organisationName={data.organisationName}
          adminEmail={data.adminEmail}
          onOutcome={(next) =>
            setOutcome(
              next.kind === 'password-set'
                ? {
                    kind: 'password-set',
                    organisationName: data.organisationName,
                    email: data.adminEmail,
                  }
                : next,
            )
          }
        />
      );
  }
}
