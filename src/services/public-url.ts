import { DEFAULT_PUBLIC_BASE_URL } from './card-pdf/card-text.ts';

// Cards, activation letters and their QR codes print LINDUNG_PUBLIC_URL. Left at its default on
// a server others reach, every card printed points at http://localhost:3000 on the reader's
// own phone, and nobody notices until the cards are handed out.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** The base URL that cards and letters print. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.LINDUNG_PUBLIC_URL || DEFAULT_PUBLIC_BASE_URL;
}

/**
 * A warning (id / en) when the server listens beyond this machine while the printed address is
 * still a loopback one; null when it is set, or when only this machine can reach the server.
 */
export function publicUrlWarning(listenHost: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (LOOPBACK.test(listenHost)) return null;
  const base = publicBaseUrl(env);
  let host: string;
  try {
    host = new URL(base).hostname;
  } catch {
    return `peringatan: LINDUNG_PUBLIC_URL "${base}" bukan alamat URL / warning: LINDUNG_PUBLIC_URL "${base}" is not a URL`;
  }
  if (!LOOPBACK.test(host)) return null;
  return (
    `peringatan: kartu dan surat aktivasi mencetak ${base}; setel LINDUNG_PUBLIC_URL ke alamat server ini ` +
    `/ warning: cards and activation letters print ${base}; set LINDUNG_PUBLIC_URL to this server's address`
  );
}
