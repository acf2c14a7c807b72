import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways on a small screen instead of widening the page; the
 * scrolling region can be focused and is named, so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ib-table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
