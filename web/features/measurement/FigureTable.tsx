import type { ReactNode } from 'react';

/**
 * A table of figures with its caption. Wider than a phone, it scrolls sideways, and takes focus
 * so that a keyboard can scroll it too.
 */
export function FigureTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable
    <section className="figure-table__wrap" aria-label={caption} tabIndex={0}>
      <table className="figure-table">
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
