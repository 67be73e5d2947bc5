import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

// A tiny History API router: the path is the state, links push it, back/forward pop it.

const NAVIGATE_EVENT = 'lindung:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

interface LinkProps {
  to: string;
  className?: string;
  children: ReactNode;
  'aria-current'?: 'page' | undefined;
}

/** An ordinary link (open-in-new-tab still works) that navigates in place on a plain click. */
export function Link({ to, children, ...rest }: LinkProps) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** `/wilayah/53.04` → `53.04`; null for any other path. */
export function regionCodeFromPath(path: string): string | null {
  const match = /^\/wilayah\/([0-9.]+)\/?$/.exec(path);
  return match?.[1] ?? null;
}

export function regionPath(code: string): string {
  return `/wilayah/${code}`;
}

/** `/verifikasi/12` under `/verifikasi` → `12`; null for the section itself or another path. */
export function itemIdFromPath(path: string, section: string): string | null {
  if (!path.startsWith(`${section}/`)) return null;
  const rest = path.slice(section.length + 1).replace(/\/$/, '');
  return /^[A-Za-z0-9_-]+$/.test(rest) ? decodeURIComponent(rest) : null;
}

/**
 * `/proyek/PRJ%2F2026%2F01` under `/proyek` → `PRJ/2026/01`: one encoded path segment, for
 * identifiers that may hold dots or slashes. Null for the section itself or another path.
 */
export function segmentFromPath(path: string, section: string): string | null {
  if (!path.startsWith(`${section}/`)) return null;
  const rest = path.slice(section.length + 1).replace(/\/$/, '');
  if (!rest || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}
