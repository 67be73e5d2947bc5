import { villageActiveCount } from '../db/participants.ts';
import { AppError } from '../errors.ts';
import type { Actor, Deps } from './actor.ts';
import { batchBudget } from './budget-check.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';
import { stepBatch } from './enrolment-step.ts';

export interface VerifyInput {
  /** The officer saw the batch's budget/quota warnings and verifies anyway. */
  acknowledgeWarnings?: boolean;
}

/**
 * The district checks a submitted batch against its rules (minimum per batch, village quota) and
 * against its payer's budget and allocation quota for the year. Budget and quota are a warning,
 * never a refusal: when the batch raises one, the officer must acknowledge it (otherwise 409
 * BUDGET_WARNING_UNACKNOWLEDGED with the warnings, nothing written); the audit row keeps them.
 */
export async function verifyEnrolmentBatch(
  deps: Deps,
  actor: Actor,
  batchId: number,
  input: VerifyInput = {},
) {
  const { batch, extra } = await stepBatch(
    deps,
    actor,
    batchId,
    { permission: 'enrolment.verify', from: ['submitted'], to: 'verified', action: 'enrolment.verify' },
    async (tx, b, at) => {
      const policy = await enrolmentPolicy(tx, b.regencyCode);
      if (b.valid < policy.villageWorkersMin) {
        throw new AppError('BATCH_RULE_FAILED', {
          detail: `${b.valid} < ${policy.villageWorkersMin} (minimum workers per village batch)`,
        });
      }
      if (policy.villageWorkersMax !== null) {
        const total = b.valid + (await villageActiveCount(tx, b.villageCode));
        if (total > policy.villageWorkersMax) {
          throw new AppError('BATCH_RULE_FAILED', {
            detail: `${total} > ${policy.villageWorkersMax} (village quota)`,
          });
        }
      }
      const budget = await batchBudget(tx, b, at);
      if (budget.warnings.length === 0) return { budgetWarnings: [] as typeof budget.warnings };
      if (input.acknowledgeWarnings !== true) {
        throw new AppError(
          'BUDGET_WARNING_UNACKNOWLEDGED',
          { payer: budget.payer.payerName ?? budget.payer.payerRegion, year: budget.fiscalYear },
          { warnings: budget.warnings },
        );
      }
      return { budgetWarnings: budget.warnings, warningsAcknowledged: true };
    },
  );
  return { batch, warnings: extra.budgetWarnings };
}
