import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';
import './layout.css';

export interface NavItem {
  to: string;
  label: string;
}

export const mainId = 'main';

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
  return (
    <div className="layout">
      <a className="skip-link" href={`#${mainId}`} onClick={skipToMain}>
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={t('layout.homeLinkLabel')}>
            <Logo />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <nav className="site-nav" aria-label={t('layout.navLabel')}>
            <ul className="site-nav__list">
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
