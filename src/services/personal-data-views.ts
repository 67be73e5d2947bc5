import { recordAudit } from '../db/audit.ts';
import type { Actor, Deps } from './actor.ts';

// Every response that carries a person's NIK and name in full leaves an audit row: who (the
// actor), when (the clock), which records (their ids). Never the values: no NIK, no name, and not
// the search text either, which may itself be a NIK or a name. One row per request and regency,
// not one per record: a page of 500 participants is one row listing 500 ids, and each regency's
// chain (migration 0022) holds the views of its own people.

export const VIEW_ACTION = 'personal_data.view';

export interface ViewedRecord {
  id: number;
  regionCode: string;
}

/** The regency (53.04) of a region code at or below it; the code itself above a regency. */
function regencyOf(code: string): string {
  // Region codes are dotted prefixes (53.04.01.2001): the regency is the first five characters.
  return /^\d{2}\.\d{2}/.test(code) ? code.slice(0, 5) : code;
}

/** Audits a list of participants shown in full (participant search and detail). */
export async function auditParticipantsViewed(deps: Deps, actor: Actor, records: readonly ViewedRecord[]) {
  if (records.length === 0) return;
  const byRegency = new Map<string, number[]>();
  for (const r of records) {
    const regency = regencyOf(r.regionCode);
    const ids = byRegency.get(regency);
    if (ids) ids.push(r.id);
    else byRegency.set(regency, [r.id]);
  }
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const [regionCode, ids] of byRegency) {
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: VIEW_ACTION,
        entity: 'participant',
        entityId: ids.length === 1 ? String(ids[0]) : null,
        regionCode,
        after: { participantIds: ids },
      });
    }
  });
}

/** Audits an enrolment batch whose rows were shown in full: the batch, its state and how many rows. */
export async function auditBatchViewed(
  deps: Deps,
  actor: Actor,
  batch: { id: number; villageCode: string; status: string },
  rows: number,
) {
  await recordAudit(deps.db, {
    at: deps.clock.now(),
    actor: actor.username,
    action: VIEW_ACTION,
    entity: 'enrolment_batch',
    entityId: String(batch.id),
    regionCode: batch.villageCode,
    after: { status: batch.status, rows },
  });
}
