import type { Actor, Deps } from '../../src/services/actor.ts';
import { updateBusinessType } from '../../src/services/business-types.ts';
import { showProject } from '../../src/services/change-project-workers.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { demoActor } from './actors.ts';

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

/** The contractor pays what is open of a project's premium invoices, through the payment service. */
export async function payProjectPremium(
  deps: Deps,
  branch: Actor,
  projectNumber: string,
  receivedOn: string,
) {
  const { project, invoices } = await showProject(deps, branch, projectNumber);
  const openRp = invoices.reduce((s, i) => s + (i.totalRp - i.paidRp), 0);
  return postPayment(deps, branch, {
    payerId: project.contractorPayerId,
    amountRp: openRp,
    receivedOn,
    reference: `Transfer premi ${project.projectNumber}`,
    idempotencyKey: `premi.${project.projectNumber.replace(/\//g, '.')}.${invoices.length}`,
  });
}
