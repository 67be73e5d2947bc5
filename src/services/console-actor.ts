import { userInfo } from 'node:os';
import { type Actor, PERMISSIONS } from './actor.ts';

/** Every permission of every role: the console is the system's operator. */
const ALL_PERMISSIONS = [...new Set(Object.values(PERMISSIONS).flat())];

/**
 * Whoever runs the CLI on the server machine has every permission over the whole country,
 * recorded in the audit log by OS user name.
 */
export function consoleActor(): Actor {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (containers): keep 'unknown'
  }
  return {
    userId: 0,
    username: `console:${who}`,
    displayName: `Console (${who})`,
    role: 'admin',
    scope: { type: 'system', code: null, name: 'Indonesia' },
    regionScopes: ['*'],
    homeRegion: null,
    permissions: ALL_PERMISSIONS,
  };
}
