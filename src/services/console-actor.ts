import { userInfo } from 'node:os';
import { type Actor, PERMISSIONS } from './actor.ts';

/** Whoever runs the CLI on the server machine acts as an administrator, recorded by OS user. */
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
    permissions: PERMISSIONS.admin,
  };
}
