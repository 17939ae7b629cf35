import type { ReactNode } from 'react';

// The report's tables. On a phone each row becomes a card of labelled figures: every cell
// carries its column's name in `data-label`, which the CSS writes before it. A table shown as
// blocks loses its roles in some browsers, so they are written out here, once.

/**
 * A table with its caption (read by screen readers; the section's heading shows it). Should it
 * be wider than the screen, it scrolls sideways, by keyboard too.
 */
export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable
    <section className="report-table__wrap" aria-label={caption} tabIndex={0}>
      {/* biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks */}
      <table className="report-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </section>
  );
}

export function Head({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks
    <thead role="rowgroup">
      {/* biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks */}
      <tr role="row">{children}</tr>
    </thead>
  );
}

export function Body({ children }: { children: ReactNode }) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks
  return <tbody role="rowgroup">{children}</tbody>;
}

export function Row({ className, children }: { className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks
    <tr role="row" className={className}>
      {children}
    </tr>
  );
}

export function ColumnHeader({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks
    <th scope="col" role="columnheader">
      {children}
    </th>
  );
}

export function RowHeader({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks
    <th scope="row" role="rowheader">
      {children}
    </th>
  );
}

/** A cell, with its column's name for the card it becomes on a phone. */
export function Cell({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: kept when the table is shown as blocks
    <td role="cell" data-label={label} className={className}>
      {children}
    </td>
  );
}
