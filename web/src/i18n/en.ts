import { batchRowsEn } from './en/batch-rows.ts';
import { billingEn } from './en/billing.ts';
import { bpuEn } from './en/bpu.ts';
import { budgetEn } from './en/budget.ts';
import { claimsEn } from './en/claims.ts';
import { commonEn } from './en/common.ts';
import { correctionsEn } from './en/corrections.ts';
import { dashboardsEn } from './en/dashboards.ts';
import { employersEn } from './en/employers.ts';
import { enrolmentEn } from './en/enrolment.ts';
import { homeEn } from './en/home.ts';
import { labelsEn } from './en/labels.ts';
import { meEn } from './en/me.ts';
import { membershipEn } from './en/membership.ts';
import { participantEn } from './en/participant.ts';
import { periodsEn } from './en/periods.ts';
import { pmiEn } from './en/pmi.ts';
import { shellEn } from './en/shell.ts';
import type { Messages } from './id.ts';

// English: the second language, composed from ./en/<area>.ts. Keys must match id.ts exactly
// (the type checks it).

export const en: Messages = {
  ...budgetEn,
  ...claimsEn,
  ...shellEn,
  ...dashboardsEn,
  ...commonEn,
  ...enrolmentEn,
  ...billingEn,
  ...employersEn,
  ...meEn,
  ...correctionsEn,
  ...membershipEn,
  ...periodsEn,
  ...participantEn,
  ...pmiEn,
  ...bpuEn,
  ...batchRowsEn,
  ...homeEn,
  ...labelsEn,
};
