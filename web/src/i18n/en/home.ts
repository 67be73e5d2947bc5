import type { HomeMessageKey } from '../id/home.ts';

// English strings of the home page per role and the folding phone menu (twin of ../id/home.ts).

export const homeEn: Record<HomeMessageKey, string> = {
  'nav.home': 'Home',
  'nav.menu': 'Menu',
  'nav.keyTasks': 'Key tasks',
  'nav.more': 'More',

  'home.title': 'Home',
  'home.greeting': 'Welcome, {name}.',
  'home.todo.title': 'To do',
  'home.todo.none': 'Nothing is waiting for you right now.',
  'home.info.title': 'In progress',
  'home.shortcuts.title': 'Key tasks',
  'home.region': 'Overview of {name}',

  'home.batch.draft': 'Enrolment batches not yet submitted',
  'home.batch.rejected': 'Enrolment batches rejected, to be corrected',
  'home.batch.submittedOwn': 'Batches awaiting the district’s verification',
  'home.batch.submitted': 'Batches awaiting verification',
  'home.batch.verified': 'Batches awaiting activation',
  'home.claims.filed': 'Claims awaiting complete documents',
  'home.claims.submitted': 'Claims awaiting a decision',
  'home.claims.overdue': 'Claims past their SLA',
  'home.invoices.open': 'Invoices not fully paid',
  'home.payouts.draft': 'Claim payout batches awaiting approval',
  'home.payouts.approved': 'Claim payout batches ready for the bank',
};
