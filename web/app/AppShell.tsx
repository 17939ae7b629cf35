import { useLayoutEffect, useRef } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useHref, useLocation, useNavigate } from 'react-router';
import { isStaffRole } from '../../shared/permissions/roles.ts';
import { readsMeasurement } from '../features/measurement/roles.ts';
import { Layout, mainId, type NavItem } from '../ui/Layout.tsx';
import { useKnownProfile } from './useSignedIn.ts';

function useNav(): NavItem[] {
  const { t } = useTranslation();
  const profile = useKnownProfile();
  const signedIn = profile !== undefined;
  return [
    { to: '/', label: t('layout.nav.home') },
    { to: '/privacy', label: t('layout.nav.privacy') },
    // The register is for people who take part; someone signed out has no commitments to see.
    ...(signedIn
      ? [
          // A young person's own page first: whether they may take part, and where help is.
          ...(profile?.roles.some((role) => role.role === 'youth')
            ? [{ to: '/youth', label: t('layout.nav.youth') }]
            : []),
          { to: '/circles', label: t('layout.nav.circles') },
          { to: '/commitments', label: t('layout.nav.commitments') },
          { to: '/conferences/mine', label: t('layout.nav.conferences') },
          { to: '/dialogues', label: t('layout.nav.dialogues') },
          // Courses are assigned to staff; residents join by links and take none.
          ...(profile?.roles.some((role) => isStaffRole(role.role))
            ? [{ to: '/training', label: t('layout.nav.training') }]
            : []),
          // Staff who read the figures (measurement.read) find their own waiting surveys there
          // too; everyone else has the surveys waiting for them. One entry either way.
          readsMeasurement(profile?.roles)
            ? { to: '/measurement', label: t('layout.nav.measurement') }
            : { to: '/surveys', label: t('layout.nav.surveys') },
        ]
      : []),
    // Staff need it; residents join by links. Someone already signed in sees their account.
    signedIn
      ? { to: '/me', label: t('layout.nav.account') }
      : { to: '/sign-in', label: t('layout.nav.signIn') },
  ];
}

/**
 * After a client-side navigation, move focus to the new page's heading so a screen reader
 * announces it (a full page load starts at the top on its own, so the first render is left alone).
 */
function useFocusHeadingOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useLayoutEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById(mainId);
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus();
  }, [pathname]);
}

/** The root route: the layout around every page. */
export function AppShell() {
  const navigate = useNavigate();
  useFocusHeadingOnNavigate();
  return (
    // Lets React Aria links and menus with an href navigate inside the app.
    <AriaRouterProvider navigate={navigate} useHref={useHref}>
      <Layout nav={useNav()}>
        <Outlet />
      </Layout>
      <ScrollRestoration />
    </AriaRouterProvider>
  );
}

/** Shown while the first page's code arrives; the text appears only if that takes a while. */
export function LoadingShell() {
  const { t } = useTranslation();
  return (
    <Layout nav={useNav()}>
      <p className="page-loading">{t('app.loading')}</p>
    </Layout>
  );
}
