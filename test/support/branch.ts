import type { Actor, Deps } from '../../src/services/actor.ts';
import { demoActor } from './actors.ts';
import { preparedDeps, type TestDb } from './db.ts';

/**
 * A prepared database (preparedDeps) and the Belu branch officer (cabang.atambua), who registers
 * employers, projects and PMI: where the employer-side integration tests start.
 */
export async function preparedBranch(): Promise<{ deps: Deps; t: TestDb; branch: Actor }> {
  const { deps, t } = await preparedDeps();
  return { deps, t, branch: await demoActor(deps, 'cabang.atambua') };
}
