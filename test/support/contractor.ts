import type { Actor, Deps } from '../../src/services/actor.ts';
import { updateBusinessType } from '../../src/services/business-types.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { demoActor } from './actors.ts';
import { preparedBranch } from './branch.ts';

/**
 * A construction contractor (the employer of JAKON projects). The seeded table has no construction
 * type yet (Lampiran I not transcribed): a fixture row, risk group 5.
 */
export async function registerContractor(
  deps: Deps,
  branch: Actor,
  c: { npp: string; name: string; regionCode: string; scale?: 'small' | 'medium' },
) {
  const admin = await demoActor(deps, 'admin');
  await updateBusinessType(deps, admin, 'uji_konstruksi', {
    name: 'Konstruksi (uji)',
    riskGroup: 5,
    source: 'test fixture',
    status: 'partial',
  });
  return registerEmployer(deps, branch, {
    npp: c.npp,
    name: c.name,
    businessTypeCode: 'uji_konstruksi',
    scale: c.scale ?? 'medium',
    regionCode: c.regionCode,
  });
}

/** A prepared database, the Belu branch officer and one contractor of Belu (53.04) registered by them. */
export async function preparedContractor(c: { npp: string; name: string }) {
  const prepared = await preparedBranch();
  await registerContractor(prepared.deps, prepared.branch, { ...c, regionCode: '53.04' });
  return prepared;
}

/**
 * The contractor pays what is open of a project's premium invoices through the payment service:
 * the Belu demo's own step, so the fixtures exercise the demo's code path.
 */
export { payProjectPremium } from '../../src/services/demo/construction.ts';
