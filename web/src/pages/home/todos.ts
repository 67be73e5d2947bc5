import type { Home } from '../../api/home.ts';
import type { MessageKey } from '../../i18n/id.ts';

// What the home page lists, from GET /home's counts and the user's permissions: a to-do is a
// queue the user acts on (their step comes next), an info line is a queue waiting on someone
// else. Each links to the page where it is acted on.

export interface HomeLine {
  label: MessageKey;
  count: number;
  path: string;
  kind: 'todo' | 'info';
}

export function homeLines(home: Home, permissions: readonly string[]): HomeLine[] {
  const can = (p: string) => permissions.includes(p);
  const lines: HomeLine[] = [];
  const add = (label: MessageKey, count: number | undefined, path: string, kind: HomeLine['kind']) => {
    if (count !== undefined) lines.push({ label, count, path, kind });
  };
  const batches = home.enrolmentBatches;
  if (batches) {
    if (can('enrolment.upload')) {
      add('home.batch.draft', batches.draft, '/pendaftaran', 'todo');
      add('home.batch.rejected', batches.rejected, '/pendaftaran', 'todo');
    }
    if (can('enrolment.verify')) add('home.batch.submitted', batches.submitted, '/verifikasi', 'todo');
    else if (can('enrolment.submit'))
      add('home.batch.submittedOwn', batches.submitted, '/pendaftaran', 'info');
    if (can('enrolment.activate')) add('home.batch.verified', batches.verified, '/aktivasi', 'todo');
  }
  const claims = home.claims;
  if (claims) {
    const acts = can('claims.file') || can('claims.decide');
    add('home.claims.overdue', claims.overdue, '/klaim', acts ? 'todo' : 'info');
    if (can('claims.file')) add('home.claims.filed', claims.filed, '/klaim', 'todo');
    if (can('claims.decide')) add('home.claims.submitted', claims.submitted, '/persetujuan-klaim', 'todo');
  }
  const payouts = home.payoutBatches;
  if (payouts) {
    if (can('payouts.approve')) add('home.payouts.draft', payouts.draft, '/pembayaran-klaim', 'todo');
    if (can('payouts.manage')) add('home.payouts.approved', payouts.approved, '/pembayaran-klaim', 'todo');
  }
  // Unpaid invoices are the district's and the village's to pay, the branch's to collect.
  if (home.invoices) {
    const acts = can('payments.post') || can('enrolment.upload');
    add('home.invoices.open', home.invoices.open, '/tagihan', acts ? 'todo' : 'info');
  }
  return lines;
}
