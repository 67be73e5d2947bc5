import type { periodsId } from '../id/periods.ts';

// English strings of the period close screen (the Bahasa Indonesia twin is ../id/periods.ts).

export const periodsEn: Record<keyof typeof periodsId, string> = {
  'nav.periods': 'Close the books',
  'periods.title': 'Monthly close',
  'periods.intro':
    'A closed month never changes again: payments, billing and coverage runs dated into it are refused; status changes dated into it are recorded on the first day of the first open month.',
  'periods.form.title': 'Close a month',
  'periods.form.intro': 'Regency {regency}. Closing a month closes every month before it too.',
  'periods.period': 'Month',
  'periods.submit': 'Close this month…',
  'periods.confirm': 'Close the books of {regency} through {period}? A closed month cannot be reopened.',
  'periods.confirmSubmit': 'Yes, close the books',
  'periods.done': 'The books are closed through {period}.',
  'periods.none': 'No month is closed yet.',
  'periods.through': 'Books closed through {period}',
  'periods.closedBy': 'Closed by',
  'periods.closedAt': 'When',
};
