import { DEFAULT_PUBLIC_BASE_URL } from './card-pdf/card-text.ts';

// Cards, activation letters and their QR codes print LINDUNG_PUBLIC_URL. Left at its default on
// a server others reach, every card printed points at http://localhost:3000 on the reader's
// own phone, and nobody notices until the cards are handed out. `serve` prints the warning and
// the admin screen shows it (GET /api/v1/system/public-url).

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** The base URL that cards and letters print. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.LINDUNG_PUBLIC_URL || DEFAULT_PUBLIC_BASE_URL;
}

/** What is wrong with the printed address: a loopback one on a reachable server, or no URL at all. */
export type PublicUrlProblem = 'loopback' | 'not_url';

/**
 * The problem with the printed address when the server listens on `listenHost`; null when it is
 * set, or when only this machine can reach the server (a loopback listen host).
 */
export function publicUrlProblem(
  listenHost: string,
  env: NodeJS.ProcessEnv = process.env,
): PublicUrlProblem | null {
  if (LOOPBACK.test(listenHost)) return null;
  let host: string;
  try {
    host = new URL(publicBaseUrl(env)).hostname;
  } catch {
    return 'not_url';
  }
  return LOOPBACK.test(host) ? 'loopback' : null;
}

/** The warning `serve` prints (id / en), or null. */
export function publicUrlWarning(listenHost: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const base = publicBaseUrl(env);
  switch (publicUrlProblem(listenHost, env)) {
    case null:
      return null;
    case 'not_url':
      return `peringatan: LINDUNG_PUBLIC_URL "${base}" bukan alamat URL / warning: LINDUNG_PUBLIC_URL "${base}" is not a URL`;
    case 'loopback':
      return (
        `peringatan: kartu dan surat aktivasi mencetak ${base}; setel LINDUNG_PUBLIC_URL ke alamat server ini ` +
        `/ warning: cards and activation letters print ${base}; set LINDUNG_PUBLIC_URL to this server's address`
      );
  }
}
