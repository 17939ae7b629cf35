import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { ApiError } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { PasskeysSection } from '../passkeys/PasskeysSection.tsx';
import { signOut } from '../sign-in/api.ts';
import { AddressSection } from './AddressSection.tsx';
import { fetchProfile } from './api.ts';
import { DetailsForm } from './DetailsForm.tsx';
import { EmailForm } from './EmailForm.tsx';
import { EmailPreferencesSection } from './EmailPreferencesSection.tsx';
import { Sessions } from './Sessions.tsx';
import '../../app/status-page.css';
import './profile.css';

function Roles({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <p>{t('profile.noRoles')}</p>;
  return (
    <ul className="profile__roles">
      {roles.map((role) => (
        <li
          key={`${role.organisationId}-${role.programId ?? ''}-${role.role}`}
          className="profile__role"
        >
          <span className="profile__role-name">{t(`roles.${role.role}`)}</span>
          <span className="profile__role-where">{role.organisationName}</span>
        </li>
      ))}
    </ul>
  );
}

/** A staff member without a second factor is asked for it first, above everything else. */
function SecondFactorRequired() {
  const { t } = useTranslation();
  return (
    <section className="profile__notice" aria-labelledby="profile-second-factor-required">
      <h2 id="profile-second-factor-required" className="profile__notice-heading">
        {t('profile.secondFactor.requiredHeading')}
      </h2>
      <p>{t('profile.secondFactor.requiredBody')}</p>
      <Link to="/me/second-factor" className={buttonClassName('primary')}>
        {t('profile.secondFactor.requiredLink')}
      </Link>
    </section>
  );
}

function SecondFactorStatus() {
  const { t } = useTranslation();
  return (
    <section className="profile__section" aria-labelledby="profile-second-factor">
      <h2 id="profile-second-factor" className="profile__heading">
        {t('profile.secondFactor.heading')}
      </h2>
      <p>{t('profile.secondFactor.enabled')}</p>
      <Link to="/me/second-factor">{t('profile.secondFactor.manageLink')}</Link>
    </section>
  );
}

/** Organisations whose admin or coordinator this person is: their way to its admin pages. */
function Organisations({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  const managed = new Map<string, string>();
  for (const role of roles) {
    if (role.role === 'org_admin' || role.role === 'coordinator') {
      managed.set(role.organisationId, role.organisationName);
    }
  }
  if (managed.size === 0) return null;
  return (
    <section className="profile__section" aria-labelledby="profile-organisations">
      <h2 id="profile-organisations" className="profile__heading">
        {t('profile.organisations.heading')}
      </h2>
      <ul className="profile__links">
        {[...managed].map(([id, name]) => (
          <li key={id}>
            <Link to={`/organisations/${id}`} className={buttonClassName('secondary')}>
              {t('profile.organisations.manage', { organisation: name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      // Leave first: forgetting the profile while this page still shows would fetch it again.
      await navigate('/');
      queryClient.removeQueries({ queryKey: meQueryKey });
      showToast({ title: t('profile.signedOut') });
    },
  });
  return (
    <div className="profile__sign-out">
      {mutation.isError ? (
        <ErrorSummary message={t('profile.signOutFailed')} attempt={mutation.submittedAt} />
      ) : null}
      <Button
        variant="secondary"
        isBusy={mutation.isPending}
        onPress={() => {
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        {t('profile.signOut')}
      </Button>
    </div>
  );
}

/** The person signed in: their name and roles, and a way to sign out. */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const profile = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    // Not signed in (or the session ended) is an answer, not a hiccup: don't ask twice.
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });

  if (profile.isPending) return <p className="page-loading">{t('profile.loading')}</p>;
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 401) {
      return <Navigate to="/sign-in" replace />;
    }
    return (
      <div className="status-page">
        <PageHeading>{t('profile.heading')}</PageHeading>
        <p className="status-page__body">{t('profile.loadFailed')}</p>
        <Button
          onPress={() => {
            if (!profile.isFetching) void profile.refetch();
          }}
          isBusy={profile.isFetching}
        >
          {t('profile.retry')}
        </Button>
      </div>
    );
  }

  const me = profile.data;
  // Until a staff member has a second factor, the server refuses everything else: ask for it
  // first, and show only what they can use.
  const blocked = me.secondFactor === 'required';
  // A resident who joined by link has no address of their own ('' from the server).
  const hasEmail = me.email !== '';
  // Staff choose a password when they join; residents never have one.
  const hasPassword = me.secondFactor !== 'not-required';
  return (
    <div className="profile">
      <PageHeading>{t('profile.heading')}</PageHeading>
      <p className="profile__who">{t('profile.signedInAs', { name: me.name })}</p>
      {hasEmail ? (
        <p className="profile__email">{t('profile.emailLine', { email: me.email })}</p>
      ) : null}
      {blocked ? <SecondFactorRequired /> : null}
      {blocked ? null : <Organisations roles={me.roles} />}
      <section className="profile__section" aria-labelledby="profile-roles">
        <h2 id="profile-roles" className="profile__heading">
          {t('profile.rolesHeading')}
        </h2>
        <Roles roles={me.roles} />
      </section>
      {blocked ? null : (
        <>
          <DetailsForm me={me} />
          {hasEmail ? null : <AddressSection />}
          {hasEmail && hasPassword ? <EmailForm me={me} /> : null}
          {me.secondFactor === 'enabled' ? <SecondFactorStatus /> : null}
          <PasskeysSection
            account={hasEmail ? me.email : me.name}
            resident={me.secondFactor === 'not-required'}
            hasPassword={hasPassword}
          />
          <Sessions hasPassword={hasPassword} />
          {hasEmail ? <EmailPreferencesSection /> : null}
        </>
      )}
      <SignOut />
    </div>
  );
}
