import type { ReactNode } from 'react';

// A table wider than a phone scrolls sideways inside this box. A keyboard user can only scroll
// what can take focus, and a screen reader announces the focused box by its name, so it is a
// named (hence a region landmark), focusable section: axe rule scrollable-region-focusable.

type Name = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

export function ScrollRegion({ children, ...name }: Name & { children: ReactNode }) {
  return (
    <section
      className="table-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to scroll by keyboard
      tabIndex={0}
      aria-label={name.label}
      aria-labelledby={name.labelledBy}
    >
      {children}
    </section>
  );
}
