import type { User } from '../api/types.ts';
import { ProjectDetail } from './projects/ProjectDetail.tsx';
import { ProjectList } from './projects/ProjectList.tsx';

// Construction projects (JAKON): the list, registration with the premium the server computed
// from the contract value, one project with its workers, and adding workers.

export function ProjectsPage({
  user,
  number,
  onUnauthenticated,
}: {
  user: User;
  number: string | null;
  onUnauthenticated: () => void;
}) {
  if (number)
    return <ProjectDetail key={number} number={number} user={user} onUnauthenticated={onUnauthenticated} />;
  return <ProjectList user={user} onUnauthenticated={onUnauthenticated} />;
}
