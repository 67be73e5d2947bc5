import type { FastifyInstance, InjectOptions } from 'fastify';
import { CLIENT_HEADER } from '../../src/http/csrf.ts';
import { buildServer } from '../../src/http/server.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/services/load-demo.ts';

export async function demoServer(deps: Deps): Promise<FastifyInstance> {
  await loadDemo(deps, consoleActor());
  return asWebClient(await buildServer({ deps, webDir: '/nonexistent' }));
}

/**
 * The server as the web client calls it: every injected request carries X-Lindung-Client, which
 * the CSRF check requires of a state-changing request with the session cookie (src/http/csrf.ts).
 */
export function asWebClient(app: FastifyInstance): FastifyInstance {
  const inject = app.inject.bind(app);
  const injectAsClient = (opts: InjectOptions | string) =>
    inject(
      typeof opts === 'string' ? { url: opts, headers: { [CLIENT_HEADER]: 'test' } } : withClientHeader(opts),
    );
  app.inject = injectAsClient as typeof app.inject;
  return app;
}

function withClientHeader(opts: InjectOptions): InjectOptions {
  return { ...opts, headers: { [CLIENT_HEADER]: 'test', ...opts.headers } };
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
