import type { User } from '../api/types.ts';
import { EmployerList } from './employers/EmployerList.tsx';
import { EmployerDetail } from './employers/EmployerView.tsx';

// Employers (pemberi kerja): the list in scope, registration (branch officer), one employer
// with its workers registered here, the employee form and the month's wage report; the parts
// live in ./employers/.

export function EmployersPage({
  user,
  npp,
  onUnauthenticated,
}: {
  user: User;
  npp: string | null;
  onUnauthenticated: () => void;
}) {
  if (npp) return <EmployerDetail key={npp} npp={npp} user={user} onUnauthenticated={onUnauthenticated} />;
  return <EmployerList user={user} onUnauthenticated={onUnauthenticated} />;
}
