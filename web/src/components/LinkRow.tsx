import type { ReactNode } from 'react';
import { Link } from '../router.tsx';

/** One row of a link list: its title and detail spans (the children), then the chevron. */
export function LinkRow({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to}>
      <span className="link-main">{children}</span>
      <span className="chevron" aria-hidden="true">
        ›
      </span>
    </Link>
  );
}
