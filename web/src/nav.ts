import type { Role } from './api/types.ts';
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

/** The staff home page (its to-dos); billing.read is held by exactly the roles GET /home answers. */
export const HOME_PATH = '/beranda';

export const NAV_ITEMS: readonly NavItem[] = [
  { permission: 'billing.read', path: HOME_PATH, label: 'nav.home', icon: 'home' },
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
  { permission: ['bpu.register', 'bpu.pay'], path: '/bpu-mandiri', label: 'nav.bpu', icon: 'user' },
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

/**
 * The 3–4 tasks each role does most, first in the menu (on a phone, the first thing the folded
 * menu shows); the rest of the menu follows them in its usual order.
 */
export const KEY_TASKS: Record<Role, readonly string[]> = {
  village_operator: ['/pendaftaran', '/peserta', '/tagihan', '/keluar-pindah'],
  district_officer: ['/verifikasi', '/anggaran', '/tagihan', '/dashboard/district'],
  branch_officer: ['/aktivasi', '/klaim', '/pembayaran', '/pembayaran-klaim'],
  branch_supervisor: ['/persetujuan-klaim', '/pembayaran-klaim', '/koreksi-data', '/tutup-buku'],
  auditor: ['/audit', '/dashboard/district', '/tagihan', '/klaim'],
  admin: ['/pengguna', '/audit', '/wilayah'],
  employer: ['/pemberi-kerja', '/proyek'],
  participant: ['/saya', '/iuran-saya', '/klaim-saya'],
};

/** The menu split in two: home and the role's key tasks (in KEY_TASKS order), then the rest. */
export function menuFor(role: Role, permissions: readonly string[]): { key: NavItem[]; rest: NavItem[] } {
  const items = navItemsFor(permissions);
  const keyPaths = [HOME_PATH, ...KEY_TASKS[role]];
  const key = keyPaths.flatMap((path) => items.filter((item) => item.path === path));
  return { key, rest: items.filter((item) => !key.includes(item)) };
}
