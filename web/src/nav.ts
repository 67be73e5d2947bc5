import type { IconName } from './components/Icon.tsx';
import type { MessageKey } from './i18n/id.ts';

// The navigation, keyed by the permission that unlocks each item: a user sees an item only
// when `user.permissions` holds its permission. A new feature is one line here.

export interface NavItem {
  permission: string;
  path: string;
  label: MessageKey;
  icon: IconName;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { permission: 'regions.read', path: '/wilayah', label: 'nav.regions', icon: 'map' },
  { permission: 'enrolment.upload', path: '/pendaftaran', label: 'nav.enrolmentSubmit', icon: 'upload' },
  { permission: 'enrolment.verify', path: '/verifikasi', label: 'nav.enrolmentVerify', icon: 'check' },
  { permission: 'enrolment.activate', path: '/aktivasi', label: 'nav.enrolmentActivate', icon: 'power' },
  { permission: 'participants.read', path: '/peserta', label: 'nav.participants', icon: 'people' },
  { permission: 'billing.run', path: '/tagihan', label: 'nav.billing', icon: 'bill' },
  { permission: 'claims.make', path: '/klaim', label: 'nav.claims', icon: 'claim' },
  { permission: 'claims.check', path: '/persetujuan-klaim', label: 'nav.claimsCheck', icon: 'approve' },
  { permission: 'reports.read', path: '/laporan', label: 'nav.reports', icon: 'chart' },
  { permission: 'users.manage', path: '/pengguna', label: 'nav.users', icon: 'user' },
  { permission: 'audit.read', path: '/audit', label: 'nav.audit', icon: 'log' },
];

export function navItemsFor(permissions: readonly string[]): NavItem[] {
  const granted = new Set(permissions);
  return NAV_ITEMS.filter((item) => granted.has(item.permission));
}

/** The item whose section the path is in (`/wilayah/53.04` is in `/wilayah`). */
export function activeNavItem(items: readonly NavItem[], path: string): NavItem | undefined {
  return items.find((item) => path === item.path || path.startsWith(`${item.path}/`));
}
