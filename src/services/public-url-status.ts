import { requirePermission } from './access.ts';
import type { Actor } from './actor.ts';
import { publicBaseUrl, publicUrlProblem } from './public-url.ts';

/**
 * For the admin screen: the printed address, the host the server listens on (null when it was
 * built without one, as in tests or behind another runner) and the problem, if any.
 */
export function publicUrlStatus(
  actor: Actor,
  listenHost: string | null,
  env: NodeJS.ProcessEnv = process.env,
) {
  requirePermission(actor, 'users.manage');
  return {
    publicBaseUrl: publicBaseUrl(env),
    listenHost,
    problem: listenHost === null ? null : publicUrlProblem(listenHost, env),
  };
}
