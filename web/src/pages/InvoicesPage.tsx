import type { User } from '../api/types.ts';
import { InvoiceList } from './invoices/InvoiceList.tsx';
import { InvoiceDetailPage } from './invoices/InvoiceView.tsx';

// Invoices in the caller's scope, one invoice's summary by programme, and (branch officer) the
// monthly billing run.

export function InvoicesPage({
  user,
  invoiceId,
  onUnauthenticated,
}: {
  user: User;
  invoiceId: string | null;
  onUnauthenticated: () => void;
}) {
  if (invoiceId) return <InvoiceDetailPage invoiceId={invoiceId} onUnauthenticated={onUnauthenticated} />;
  return <InvoiceList user={user} onUnauthenticated={onUnauthenticated} />;
}
