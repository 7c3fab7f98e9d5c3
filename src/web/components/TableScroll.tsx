import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a small screen, reachable with the keyboard.
 * A group, not a region: the card around it is already the landmark with this name.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable area must be reachable by keyboard
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls, this is a table's scroller
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
