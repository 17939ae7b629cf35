import type { ReactNode } from 'react';
import { useEffect } from 'react';

/** Sets the tab title to "<page> · Restorativ" while the page is shown. */
export function useDocumentTitle(pageTitle: string, productName = 'Restorativ'): void {
  useEffect(() => {
    document.title = pageTitle === productName ? productName : `${pageTitle} · ${productName}`;
  }, [pageTitle, productName]);
}

/**
 * The page's one h1. It can take focus (tabIndex -1) so that after a client-side navigation
 * focus lands on it and screen readers announce the new page.
 */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h1 id={id} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
