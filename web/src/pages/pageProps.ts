import type { User } from '../api/types.ts';

/** What every signed-in page is given: the user, and what to do when the session has ended (a 401). */
export interface PageProps {
  user: User;
  onUnauthenticated: () => void;
}
