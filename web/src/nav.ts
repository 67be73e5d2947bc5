import type { IconName } from './components/Icon.tsx';
import type { MessageKey } from './i18n/id.ts';

// The navigation, keyed by the permission that unlocks each item: a user sees an item only
// when `user.permissions` holds its permission. A new feature is one line here.

export interface NavItem {
  /** The permission that unlocks the item; a list means any one of them. */
  permission: string | readonly string[];
  path: string;
  label: MessageKey;
  icon: IconName;
  /** A second permission the item needs as well (all of them, unlike `permission`). */
  alsoNeeds?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { permission: 'self_service.read', path: '/saya', label: 'nav.meCard', icon: 'user' },
  { permission: 'self_service.read', path: '/iuran-saya', label: 'nav.meContributions', icon: 'bill' },
  { permission: 'self_service.read', path: '/klaim-saya', label: 'nav.meClaims', icon: 'claim' },
  { permission: 'regions.read', path: '/wilayah', label: 'nav.regions', icon: 'map' },
  { permission: 'enrolment.upload', path: '/pendaftaran', label: 'nav.enrolmentSubmit', icon: 'upload' },
  { permission: 'enrolment.verify', path: '/verifikasi', label: 'nav.enrolmentVerify', icon: 'check' },
  { permission: 'enrolment.activate', path: '/aktivasi', label: 'nav.enrolmentActivate', icon: 'power' },
  { permission: 'participants.read', path: '/peserta', label: 'nav.participants', icon: 'people' },
  {
    permission: ['persons.correct', 'persons.correct.decide'],
    path: '/koreksi-data',
    label: 'nav.corrections',
    icon: 'check',
  },
  {
    permission: ['membership.propose', 'membership.verify', 'membership.apply'],
    path: '/keluar-pindah',
    label: 'nav.membership',
    icon: 'people',
  },
  {
    permission: 'membership.review',
    path: '/kepesertaan-ganda',
    label: 'nav.membershipConflicts',
    icon: 'people',
  },
  { permission: 'billing.read', path: '/tagihan', label: 'nav.billing', icon: 'bill' },
  {
    permission: ['payments.post', 'payments.reverse'],
    path: '/pembayaran',
    label: 'nav.payments',
    icon: 'cash',
  },
  {
    permission: ['billing.read', 'agreements.manage'],
    path: '/anggaran',
    label: 'nav.budget',
    icon: 'wallet',
  },
  { permission: 'employers.read', path: '/pemberi-kerja', label: 'nav.employers', icon: 'building' },
  { permission: 'employers.read', path: '/proyek', label: 'nav.projects', icon: 'crane' },
  { permission: 'pmi.register', path: '/pekerja-migran', label: 'nav.pmi', icon: 'user' },
  { permission: 'claims.read', path: '/klaim', label: 'nav.claims', icon: 'claim' },
  { permission: 'claims.decide', path: '/persetujuan-klaim', label: 'nav.claimsCheck', icon: 'approve' },
  { permission: 'payouts.read', path: '/pembayaran-klaim', label: 'nav.payouts', icon: 'cash' },
  {
    permission: 'reports.read',
    path: '/dashboard/district',
    label: 'nav.dashboardDistrict',
    icon: 'dashboard',
  },
  // Region-wide staff only: a village operator's reports.read covers its village's dashboard.
  {
    permission: 'reports.read',
    alsoNeeds: 'employers.read',
    path: '/dashboard/branch',
    label: 'nav.dashboardBranch',
    icon: 'dashboard',
  },
  {
    permission: 'reports.read',
    alsoNeeds: 'employers.read',
    path: '/reports/branch',
    label: 'nav.reports',
    icon: 'chart',
  },
  { permission: 'periods.close', path: '/tutup-buku', label: 'nav.periods', icon: 'check' },
  { permission: 'users.manage', path: '/pengguna', label: 'nav.users', icon: 'user' },
  { permission: 'audit.read', path: '/audit', label: 'nav.audit', icon: 'log' },
];

/** True when the permissions unlock the item (any one of its permissions). */
export function navAllows(item: NavItem, permissions: readonly string[]): boolean {
  const needed = typeof item.permission === 'string' ? [item.permission] : item.permission;
  if (item.alsoNeeds && !permissions.includes(item.alsoNeeds)) return false;
  return needed.some((permission) => permissions.includes(permission));
}

export function navItemsFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => navAllows(item, permissions));
}

/** The item whose section the path is in (`/wilayah/53.04` is in `/wilayah`). */
export function activeNavItem(items: readonly NavItem[], path: string): NavItem | undefined {
  return items.find((item) => path === item.path || path.startsWith(`${item.path}/`));
}
