import { findUserByUsername } from '../db/users.ts';
import { hashPassword } from '../security/password.ts';
import type { Actor, Deps, Role } from './actor.ts';
import { addUser } from './add-user.ts';
import { type BeluDemoResult, loadBeluDemo } from './demo/index.ts';

export const DEMO_PASSWORD = 'lindung-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope?: string;
}

/** One login per role, scoped to Kabupaten Belu, its branch and two of its villages. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Administrator Sistem', role: 'admin' },
  { username: 'auditor', displayName: 'Auditor Inspektorat Belu', role: 'auditor', scope: '53.04' },
  {
    username: 'dinas.belu',
    displayName: 'Dinas Nakertrans Kabupaten Belu',
    role: 'district_officer',
    scope: '53.04',
  },
  {
    username: 'cabang.atambua',
    displayName: 'Petugas KC Belu Atambua',
    role: 'branch_officer',
    scope: 'KC-ATAMBUA',
  },
  {
    username: 'supervisor.atambua',
    displayName: 'Supervisor KC Belu Atambua',
    role: 'branch_supervisor',
    scope: 'KC-ATAMBUA',
  },
  {
    username: 'desa.kewar',
    displayName: 'Operator Desa Kewar',
    role: 'village_operator',
    scope: '53.04.01.2001',
  },
  {
    username: 'desa.fulur',
    displayName: 'Operator Desa Fulur',
    role: 'village_operator',
    scope: '53.04.01.2002',
  },
];

export interface DemoOptions {
  /**
   * Also load the Kabupaten Belu 2023 data (src/services/demo/): what `lindung demo` and
   * `lindung serve --demo` do. Off by default so tests needing only the logins stay fast.
   */
  belu?: boolean;
}

/** Creates what is missing of the demo; running it again changes nothing. */
export async function loadDemo(
  deps: Deps,
  actor: Actor,
  onProgress: (msg: string) => void = () => undefined,
  opts: DemoOptions = {},
) {
  let created = 0;
  // One scrypt hash (128 MiB, most of a second) for all the demo logins, which share a password.
  let hashed: string | undefined;
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(deps.db, u.username)) continue;
    hashed ??= await hashPassword(DEMO_PASSWORD);
    await addUser(deps, actor, { ...u, password: DEMO_PASSWORD }, hashed);
    created++;
  }
  onProgress(`demo users: ${created} created, ${DEMO_USERS.length - created} already there`);
  const belu: BeluDemoResult | null = opts.belu ? await loadBeluDemo(deps, onProgress) : null;
  return {
    usersCreated: created,
    belu,
    users: DEMO_USERS.map(({ username, role, scope }) => ({ username, role, scope })),
  };
}
