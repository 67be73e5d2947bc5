import type { MouseEvent, ReactNode } from 'react';
import { useLocation, Link as WouterLink } from 'wouter';
import { navigate as historyNavigate } from 'wouter/use-browser-location';

// Routing on wouter (the browser's History API: links push the path, back/forward pop it);
// the paths and their parsers below are the app's own.

export function usePath(): string {
  return useLocation()[0];
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  historyNavigate(path, { replace: options.replace ?? false });
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
    <WouterLink
      href={to}
      {...rest}
      onClick={(event) => {
        if (!isPlainLeftClick(event)) return;
        // Our navigate: the same page is not pushed twice, and a new page opens at its top.
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </WouterLink>
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
