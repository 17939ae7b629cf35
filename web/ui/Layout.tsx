import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';
import './layout.css';

export interface NavItem {
  to: string;
  label: string;
}

export const mainId = 'main';

/** Up to this many links sit beside the name on a wide screen; more get a row of their own. */
const SHORT_NAV = 4;

/**
 * Keeps the current page's link in sight in the navigation's row, which scrolls sideways on a
 * phone: someone on "Dialogues" sees it marked without scrolling the row themselves.
 */
function useCurrentLinkInView(links: number) {
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: again on each page, and once signed-in links appear
  useEffect(() => {
    const row = list.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current) return;
    const start =
      current.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
    const end = start + current.offsetWidth;
    if (start >= row.scrollLeft && end <= row.scrollLeft + row.clientWidth) return;
    // In the middle of the row, clear of the shadows that say more links wait at its ends.
    row.scrollLeft = start - (row.clientWidth - current.offsetWidth) / 2;
  }, [pathname, links]);
  return list;
}

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // Move focus ourselves: a bare "#main" would also add a hash entry to the router's history.
  const main = document.getElementById(mainId);
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The page frame: skip link, header (name, navigation, language), main content, footer. */
export function Layout({ nav, children }: { nav: readonly NavItem[]; children: ReactNode }) {
  const { t } = useTranslation();
  const list = useCurrentLinkInView(nav.length);
  return (
    <div className="layout">
      <a className="skip-link" href={`#${mainId}`} onClick={skipToMain}>
        {t('layout.skipLink')}
      </a>
      <header
        className={nav.length <= SHORT_NAV ? 'site-header site-header--short-nav' : 'site-header'}
      >
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={t('layout.homeLinkLabel')}>
            <Logo />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <nav className="site-nav" aria-label={t('layout.navLabel')}>
            <ul className="site-nav__list" ref={list}>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end className="site-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="site-header__language">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id={mainId} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p className="site-footer__about">{t('layout.footer.about')}</p>
          <Link to="/privacy" className="site-footer__link">
            {t('layout.footer.privacy')}
          </Link>
        </div>
      </footer>
    </div>
  );
}
