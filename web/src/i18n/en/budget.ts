import type { BudgetMessageKey } from '../id/budget.ts';

// English strings of the budget page and the verification's quota and budget panel (spread into
// en.ts); keys match id/budget.ts exactly (the type checks it).

export const budgetEn: Record<BudgetMessageKey, string> = {
  'budget.title': 'Budget and quota',
  'budget.intro':
    'Each funding party’s allocation for a fiscal year: committed (invoices plus projection to year end), used (paid) and remaining.',
  'budget.year': 'Fiscal year',
  'budget.payer': 'Funding party',
  'budget.allocated': 'Allocated',
  'budget.committed': 'Committed',
  'budget.used': 'Used',
  'budget.remaining': 'Remaining',
  'budget.workers': 'Workers / quota',
  'budget.total': 'Total',
  'budget.none': 'No allocation, invoice or participant for this year yet.',
  'budget.projectedFrom': 'Projection from {period}.',
  'budget.projectedNone': 'No months of this year are left to project.',
  'budget.overBadge': 'Over',
  'budget.noQuota': 'no quota',
  'budget.reason.OVER_BUDGET': 'Over the allocation by {amount} (committed {committed} of {allocated}).',
  'budget.noBudget': 'no budget set',
  'budget.reason.NO_BUDGET': 'No budget set: {committed} committed without an allocation.',
  'budget.noBudgetNote':
    '{count} funding parties have no budget set for {year}: they are not counted as over budget.',
  'budget.reason.OVER_QUOTA': 'Over the quota: {workers} workers for a quota of {quota}.',
  'budget.warnings.title': 'Budget warnings ({count})',
  'budget.check.title': 'Quota and budget {year}',
  'budget.check.payer': 'Funded by {payer}',
  'budget.check.notRecorded':
    'No allocation is recorded for {year}; this batch is not checked against a budget.',
  'budget.check.batch': 'This batch adds {workers} workers and {amount} to year end.',
  'budget.check.before': 'Before this batch',
  'budget.check.after': 'With this batch',
  'budget.check.ok': 'Within the allocation and the quota.',
  'budget.check.acknowledge': 'I have read these budget warnings and verify the batch anyway.',
  'budget.check.hint':
    'A warning does not refuse the batch; your acknowledgement is kept in the audit trail.',
  'billing.run.budgetWarnings': 'After this run, these funding parties are over their budget or quota:',
  'renewal.title': 'Renew fiscal year {from} → {to}',
  'renewal.intro':
    'Village- or regency-funded cover ends with its fiscal year. Renew the cohort into next year’s allocations: age, quota and budget are checked again.',
  'renewal.villageField': 'Village code (empty for the whole regency)',
  'renewal.villageHint': 'e.g. 53.04.01.2001',
  'renewal.preview': 'Preview',
  'renewal.previewLine': '{renewed} workers carry over, {leftOut} are left out.',
  'renewal.byVillage': 'By village',
  'renewal.village': 'Village',
  'renewal.renewed': 'Carried over',
  'renewal.reason.agedOut': 'Aged out',
  'renewal.reason.ended': 'Already ended',
  'renewal.reason.overQuota': 'Over quota',
  'renewal.reason.overBudget': 'Over budget',
  'renewal.reason.noAllocation': 'No allocation',
  'renewal.confirm': 'Renew',
  'renewal.question': 'Carry {renewed} workers over into fiscal year {to}?',
  'renewal.confirmYes': 'Yes, renew',
  'renewal.nothing': 'No workers to renew.',
  'renewal.done': '{renewed} workers carried over; {leftOut} left out.',
  'renewal.leftOutList': 'Left out',
  'renewal.name': 'Name',
  'renewal.reason': 'Reason',
  'billing.run.notBilled':
    '{payer}: not billed for {period} — no allocation in force ({participants} participants).',
};
