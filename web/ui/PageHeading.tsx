import type { ReactNode } from 'react';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** Sets the tab title to "<page> · Restorativ" while the page is shown. */
export function useDocumentTitle(pageTitle: string, productName = 'Restorativ'): void {
  useEffect(() => {
    document.title = pageTitle === productName ? productName : `${pageTitle} · ${productName}`;
  }, [pageTitle, productName]);
}

export interface PageHeadingProps {
  children: ReactNode;
  id?: string;
  /**
   * Take focus when shown. For a page that changes what it shows without a navigation (a form
   * replaced by its confirmation, say), so that screen readers announce the new state.
   */
  focusOnMount?: boolean;
}

/**
 * The page's one h1. It can take focus (tabIndex -1) so that after a client-side navigation
 * focus lands on it and screen readers announce the new page.
 */
export function PageHeading({ children, id, focusOnMount = false }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
