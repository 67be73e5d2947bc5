import type { ReactNode } from 'react';
import type { LoadState } from '../pages/useLoad.ts';
import { Icon, type IconName } from './Icon.tsx';
import { LoadView } from './LoadView.tsx';
import { Pager } from './Pager.tsx';

/** For who may register: the button that opens the form, or the form while it is open. */
export function RegisterToggle({
  allowed,
  open,
  onOpen,
  icon,
  label,
  form,
}: {
  allowed: boolean;
  open: boolean;
  onOpen: () => void;
  icon: IconName;
  label: string;
  form: () => ReactNode;
}) {
  if (!allowed) return null;
  if (open) return <>{form()}</>;
  return (
    <button type="button" className="button button-primary" onClick={onOpen}>
      <Icon name={icon} />
      {label}
    </button>
  );
}

/** A loaded page of rows: the empty note, or the table and its pager. */
export function PagedRows<P extends { total: number; nextCursor: string | null }, T>({
  state,
  retry,
  rows,
  empty,
  cursors,
  pageSize,
  onCursors,
  table,
}: {
  state: LoadState<P>;
  retry: () => void;
  rows: (page: P) => T[];
  empty: string;
  /** The cursors of the pages opened after the first (keyset paging). */
  cursors: string[];
  pageSize: number;
  onCursors: (cursors: string[]) => void;
  table: (rows: T[]) => ReactNode;
}) {
  return (
    <LoadView state={state} retry={retry}>
      {(page) =>
        rows(page).length === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <>
            {table(rows(page))}
            <Pager
              cursors={cursors}
              nextCursor={page.nextCursor}
              shown={rows(page).length}
              total={page.total}
              pageSize={pageSize}
              onChange={onCursors}
            />
          </>
        )
      }
    </LoadView>
  );
}
