import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/services/load-demo.ts';

export async function demoServer(deps: Deps): Promise<FastifyInstance> {
  await loadDemo(deps, consoleActor());
  return buildServer({ deps, webDir: '/nonexistent' });
}

/** Logs a demo user in and returns the Cookie header for later requests. */
export async function loginCookie(app: FastifyInstance, username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lindung_session');
  if (!cookie) throw new Error('no session cookie');
  return `lindung_session=${cookie.value}`;
}

/** Session cookies of several demo users, by username. */
export async function loginAll(app: FastifyInstance, usernames: string[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const u of usernames) cookies[u] = await loginCookie(app, u);
  return cookies;
}
