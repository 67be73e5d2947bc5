import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { toCsv, validWorkers } from './enrolment-csv.ts';

/** Enrols n valid workers in a village through the whole workflow (console acting for each role). */
export async function enrolActive(
  deps: Deps,
  villageCode: string,
  n: number,
  opts: { serialStart?: number; funding?: 'APBDES' | 'APBD'; kecamatan?: string } = {},
) {
  const actor = consoleActor();
  const rows = validWorkers(n, opts.serialStart ?? 1);
  const up = await uploadEnrolment(deps, actor, {
    villageCode,
    fileName: `${villageCode}-${opts.serialStart ?? 1}.csv`,
    bytes: toCsv(rows),
    fundingSource: opts.funding ?? 'APBDES',
  });
  if (up.upload.valid !== n)
    throw new Error(`expected ${n} valid rows: ${JSON.stringify(up.problems.slice(0, 3))}`);
  await submitEnrolmentBatch(deps, actor, up.batch.id);
  // Budget and quota warnings are the subject of budget-check.test.ts; here the district acknowledges them.
  await verifyEnrolmentBatch(deps, actor, up.batch.id, { acknowledgeWarnings: true });
  return activateEnrolmentBatch(deps, actor, up.batch.id);
}
