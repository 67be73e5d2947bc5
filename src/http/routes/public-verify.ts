// Public card verification, no login: the JSON answer and the small page the card's QR code
// opens. Both are rate-limited per IP (in memory) so KPJ numbers cannot be enumerated cheaply.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, isAppError } from '../../errors.ts';
import type { Deps } from '../../services/actor.ts';
import { formatKpj, PROGRAM_NAMES, tanggal } from '../../services/card-pdf/card-text.ts';
import { type MembershipCheck, verifyMembership } from '../../services/verify-membership.ts';
import { errors } from '../schemas.ts';

export const VERIFY_RATE_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
const MAX_TRACKED_IPS = 10_000;

export interface PublicVerifyOptions {
  deps: Deps;
  /** Requests per IP per minute over both routes (default 60). */
  ratePerMinute?: number;
}

/** Fixed one-minute windows per IP; returns the seconds to wait, or 0 if the request may pass. */
export function rateLimiter(limit: number, nowMs: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (ip: string): number => {
    const now = nowMs();
    if (windows.size >= MAX_TRACKED_IPS) {
      for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
      if (windows.size >= MAX_TRACKED_IPS) windows.clear();
    }
    const w = windows.get(ip);
    if (!w || now - w.start >= WINDOW_MS) {
      windows.set(ip, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > limit ? Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) : 0;
  };
}

const Check = z
  .object({
    kpj: z.string(),
    name: z.string(),
    status: z.string(),
    programs: z.array(z.string()),
    coverageStart: z.string().nullable(),
  })
  .meta({ id: 'MembershipCheck' });

const KpjParam = z.object({ kpj: z.string().max(40) });

export const publicVerifyRoutes: FastifyPluginAsyncZod<PublicVerifyOptions> = async (app, opts) => {
  const { deps } = opts;
  const wait = rateLimiter(opts.ratePerMinute ?? VERIFY_RATE_PER_MINUTE, () => Date.parse(deps.clock.now()));
  const limited = (req: FastifyRequest, reply: FastifyReply): number => {
    const seconds = wait(req.ip);
    if (seconds > 0) reply.header('retry-after', String(seconds));
    return seconds;
  };

  app.get(
    '/api/v1/public/verify/:kpj',
    {
      schema: {
        tags: ['public'],
        summary: 'Check a membership card without logging in: masked name, status, programmes',
        security: [],
        params: KpjParam,
        response: { 200: Check, ...errors(404, 429) },
      },
    },
    async (req, reply) => {
      const seconds = limited(req, reply);
      if (seconds > 0) throw new AppError('RATE_LIMITED', { seconds });
      reply.header('cache-control', 'no-store');
      return verifyMembership(deps, req.params.kpj);
    },
  );

  app.get('/verifikasi/:kpj', { schema: { hide: true, params: KpjParam } }, async (req, reply) => {
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('x-robots-tag', 'noindex');
    const seconds = limited(req, reply);
    if (seconds > 0) {
      return reply
        .status(429)
        .send(page('Terlalu banyak permintaan', notice(new AppError('RATE_LIMITED', { seconds }))));
    }
    try {
      const check = await verifyMembership(deps, req.params.kpj);
      return reply.send(page('Kartu peserta terdaftar', facts(check)));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'NOT_FOUND') throw e;
      return reply.status(404).send(page('Nomor KPJ tidak ditemukan', notFound()));
    }
  });
};

const STATUS_ID: Record<string, string> = {
  active: 'Aktif',
  verified: 'Belum aktif (sudah diverifikasi)',
  proposed: 'Belum aktif (diusulkan)',
  lapsed: 'Tidak aktif (iuran menunggak)',
  ended: 'Kepesertaan berakhir',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function facts(c: MembershipCheck): string {
  const rows: [string, string][] = [
    ['Nomor KPJ', formatKpj(c.kpj)],
    ['Nama', c.name],
    ['Status', STATUS_ID[c.status] ?? c.status],
    ['Program', c.programs.map((p) => `${p} (${PROGRAM_NAMES[p] ?? p})`).join(', ')],
    ['Berlaku sejak', c.coverageStart ? tanggal(c.coverageStart) : '–'],
  ];
  const cls = c.status === 'active' ? 'ok' : 'warn';
  return `<p class="badge ${cls}">${escapeHtml(STATUS_ID[c.status] ?? c.status)}</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<p class="note">Nama disamarkan untuk melindungi data pribadi peserta.</p>`;
}

function notFound(): string {
  return `<p class="badge warn">Tidak terdaftar</p>
<p>Nomor KPJ ini tidak ada dalam data kepesertaan. Periksa kembali nomor pada kartu, atau hubungi
kantor desa atau Kantor Cabang BPJS Ketenagakerjaan terdekat.</p>`;
}

function notice(e: AppError): string {
  return `<p>${escapeHtml(e.localized('id'))}</p>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Verifikasi Kartu BPJS Ketenagakerjaan</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f2f5f4;color:#1a1a1a}
header{background:#0b6e4f;color:#fff;padding:16px 20px}header b{display:block;font-size:18px}
header span{font-size:13px;opacity:.9}main{max-width:480px;margin:16px auto;padding:0 16px}
section{background:#fff;border-radius:10px;padding:18px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:20px;margin:0 0 12px}dl{margin:0}dt{font-size:12px;color:#5f6b66;margin-top:10px}
dd{margin:2px 0 0;font-size:17px;font-weight:600;overflow-wrap:anywhere}
.badge{display:inline-block;padding:4px 10px;border-radius:99px;font-weight:700;margin:0 0 6px}
.ok{background:#dff3ea;color:#0b6e4f}.warn{background:#fdecea;color:#a3261b}
.note{font-size:12px;color:#5f6b66;margin-top:16px}
</style></head>
<body><header><b>BPJS KETENAGAKERJAAN</b><span>Verifikasi kartu peserta</span></header>
<main><section><h1>${escapeHtml(title)}</h1>
${body}
</section></main></body></html>
`;
}
