import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { PasskeysSection } from '../passkeys/PasskeysSection.tsx';
import { signOut } from '../sign-in/api.ts';
import { AddressSection } from './AddressSection.tsx';
import { DetailsForm } from './DetailsForm.tsx';
import { EmailForm } from './EmailForm.tsx';
import { EmailPreferencesSection } from './EmailPreferencesSection.tsx';
import { Sessions } from './Sessions.tsx';
import { ProfileNotReady, useProfile } from './useProfile.tsx';
import '../../app/status-page.css';
import './profile.css';
import { ProfileSection } from './ProfileSection.tsx';

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
    <ProfileSection id="profile-second-factor" heading={t('profile.secondFactor.heading')}>
      <p>{t('profile.secondFactor.enabled')}</p>
      <Link to="/me/second-factor">{t('profile.secondFactor.manageLink')}</Link>
    </ProfileSection>
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
    <ProfileSection id="profile-organisations" heading={t('profile.organisations.heading')}>
      <ul className="profile__links">
        {[...managed].map(([id, name]) => (
          <li key={id}>
            <Link to={`/organisations/${id}`} className={buttonClassName('secondary')}>
              {t('profile.organisations.manage', { organisation: name })}
            </Link>
          </li>
        ))}
      </ul>
    </ProfileSection>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      // A request of this page still on its way would otherwise meet the ended session and fail.
      await queryClient.cancelQueries();
      await signOut();
    },
    onSuccess: async () => {
      // Leave first: forgetting the profile while this page still shows would fetch it again.
      await navigate('/');
      // Nothing of this person stays in the tab for whoever signs in next.
      queryClient.removeQueries();
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
  const profile = useProfile();
  if (!profile.isSuccess)
    return <ProfileNotReady profile={profile} heading={t('profile.heading')} />;

  const me = profile.data;
  // Until a staff member has a second factor, the server refuses everything else: ask for it
  // first, and show only what they can use.
  const blocked = me.secondFactor === 'required';
  // A resident who joined by link has no address of their own ('' from the server).
  const hasEmail = me.email !== '';
  // Staff choose a password when they join; residents have none.
  const { hasPassword } = me;
  return (
    <div className="profile">
      <PageHeading>{t('profile.heading')}</PageHeading>
      <p className="profile__who">{t('profile.signedInAs', { name: me.name })}</p>
      {hasEmail ? (
        <p className="profile__email">{t('profile.emailLine', { email: me.email })}</p>
      ) : null}
      {blocked ? <SecondFactorRequired /> : null}
      {blocked ? null : <Organisations roles={me.roles} />}
      <ProfileSection id="profile-roles" heading={t('profile.rolesHeading')}>
        <Roles roles={me.roles} />
      </ProfileSection>
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
