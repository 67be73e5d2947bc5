import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth.ts';

// The web app's page (web/dist/index.html) for `/` and every path the app routes in the browser,
// fitted to the first load on a village's 3G, where every round trip costs 300 ms and more:
// - no session cookie: nobody is signed in for sure; a <meta> says so (no script, so the
//   Content-Security-Policy is untouched) and the app shows its login form at once instead of
//   after asking /api/v1/auth/me (web/src/session-hint.ts);
// - a chart page (web/src/charts/load-echarts.ts, CHART_PATH_PREFIX) with a session cookie: the
//   chart library is preloaded from the page itself, so it downloads while the app starts,
//   checks the session and fetches the figures. The build's manifest names its hashed file.

export const SIGNED_OUT_META = '<meta name="lindung-session" content="none" />';
const CHART_PATH_PREFIX = '/dashboard/';
const CHART_CHUNK = 'src/charts/echarts-setup.ts';

type Manifest = Record<string, { file: string; imports?: string[] }>;

/** The chart chunk and the chunks it imports, as /assets/… URLs; none when there is no manifest. */
async function chartChunkUrls(webDir: string): Promise<string[]> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(webDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return [];
  }
  const entry = manifest[CHART_CHUNK];
  if (!entry) return [];
  const imported = (entry.imports ?? []).flatMap((key) => manifest[key]?.file ?? []);
  return [entry.file, ...imported].map((file) => `/${file}`);
}

/** The page as built, with the given tags before </head> (unchanged when it has no head). */
export function withHeadTags(html: string, tags: string[]): string {
  if (tags.length === 0 || !html.includes('</head>')) return html;
  return html.replace('</head>', `${tags.map((tag) => `  ${tag}\n`).join('')}  </head>`);
}

export async function sendWebPage(webDir: string, req: FastifyRequest, reply: FastifyReply) {
  const html = await readFile(join(webDir, 'index.html'), 'utf8');
  const path = req.url.split('?')[0] ?? '';
  const signedOut = req.cookies[SESSION_COOKIE] === undefined;
  const tags = signedOut
    ? [SIGNED_OUT_META]
    : path.startsWith(CHART_PATH_PREFIX)
      ? (await chartChunkUrls(webDir)).map((url) => `<link rel="modulepreload" crossorigin href="${url}" />`)
      : [];
  return (
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      // The page differs with and without the cookie: no cache may give one to the other.
      .header('vary', 'Cookie')
      .send(withHeadTags(html, tags))
  );
}
