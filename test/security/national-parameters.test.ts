import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../../src/db/users.ts';
import type { Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { setJhtReturnRate } from '../../src/services/jht/index.ts';
import { resolveActor } from '../../src/services/resolve-actor.ts';
import { DEMO_PASSWORD, demoActor, headOfficeSupervisor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

// B10 (issue 14): any branch supervisor of any branch could change the national JHT return rate.
describe('B10: national parameters only from the head office', () => {
  let t: TestDb;
  let deps: Deps;
  const rate = { year: 2026, rateBp: 525, source: 'Pengumuman hasil pengembangan JHT 2026' };
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
  });
  afterAll(async () => t?.drop());

  it('refuses the supervisor of a branch and of a regional office', async () => {
    const branch = await demoActor(deps, 'supervisor.atambua');
    expect(branch.permissions).not.toContain('jht.rates.manage');
    await expect(setJhtReturnRate(deps, branch, rate)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await addUser(deps, consoleActor(), {
      username: 'supervisor.kanwil',
      displayName: 'Supervisor Kanwil',
      role: 'branch_supervisor',
      scope: 'KW-BANUSPA',
      password: DEMO_PASSWORD,
    });
    const regional = await resolveActor(deps.db, (await findUserByUsername(deps.db, 'supervisor.kanwil'))!);
    await expect(setJhtReturnRate(deps, regional, rate)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const n = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jht_return_rate');
    expect(n.rows[0]!.n).toBe(0);
  });

  it('lets the head office’s supervisor and the admin set it', async () => {
    const head = await headOfficeSupervisor(deps);
    expect(await setJhtReturnRate(deps, head, rate)).toMatchObject({
      rateBp: 525,
      enteredBy: 'supervisor.pusat',
    });
    const admin = await demoActor(deps, 'admin');
    expect(await setJhtReturnRate(deps, admin, { ...rate, rateBp: 530 })).toMatchObject({ rateBp: 530 });
  });
});
