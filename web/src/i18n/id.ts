// Bahasa Indonesia: the default language. Every UI string lives in ./id/<area>.ts and its
// English twin ./en/<area>.ts; this file composes the areas into one dictionary.
// `{name}` placeholders are filled by t(key, { name }).

import { batchRowsId } from './id/batch-rows.ts';
import { billingId } from './id/billing.ts';
import { bpuId } from './id/bpu.ts';
import { budgetId } from './id/budget.ts';
import { claimsId } from './id/claims.ts';
import { commonId } from './id/common.ts';
import { correctionsId } from './id/corrections.ts';
import { dashboardsId } from './id/dashboards.ts';
import { employersId } from './id/employers.ts';
import { enrolmentId } from './id/enrolment.ts';
import { homeId } from './id/home.ts';
import { labelsId } from './id/labels.ts';
import { meId } from './id/me.ts';
import { membershipId } from './id/membership.ts';
import { participantId } from './id/participant.ts';
import { periodsId } from './id/periods.ts';
import { pmiId } from './id/pmi.ts';
import { shellId } from './id/shell.ts';

export const id = {
  ...budgetId,
  ...claimsId,
  ...shellId,
  ...dashboardsId,
  ...commonId,
  ...enrolmentId,
  ...billingId,
  ...employersId,
  ...meId,
  ...correctionsId,
  ...membershipId,
  ...periodsId,
  ...participantId,
  ...pmiId,
  ...bpuId,
  ...batchRowsId,
  ...homeId,
  ...labelsId,
};

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;
