// Public card verification, no login: the JSON answer and the small page the card's QR code
// opens. KPJ numbers can be generated (year + serial + Luhn), so both answer the least UU PDP
// allows (initials, status, programmes) and share one limit per client address, counted in the
// database (rate-limits.ts): a restart or many addresses do not reset it.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppError, isAppError } from '../../errors.ts';
import type { Deps } from '../../services/actor.ts';
import { CARD_CHECK_PREFIX, formatKpj, PROGRAM_NAMES } from '../../services/card-pdf/card-text.ts';
import { type MembershipCheck, verifyMembership } from '../../services/verify-membership.ts';
import { errorHandler } from '../errors.ts';
import { PUBLIC_VERIFY_GROUP } from '../rate-limits.ts';
import { errors } from '../schemas.ts';

export const VERIFY_RATE_PER_MINUTE = 30;

export interface PublicVerifyOptions {
  deps: Deps;
  /** Requests per client address per minute over both routes (default 30). */
  ratePerMinute?: number;
}

const Check = z
  .object({
    kpj: z.string(),
    name: z.string().describe('initials only, e.g. "M. B. A."'),
    status: z.string(),
    programs: z.array(z.string()),
  })
  .meta({ id: 'MembershipCheck' });

const KpjParam = z.object({ kpj: z.string().max(40) });

export const publicVerifyRoutes: FastifyPluginAsyncZod<PublicVerifyOptions> = async (app, opts) => {
  const { deps } = opts;
  const rateLimit = {
    max: opts.ratePerMinute ?? VERIFY_RATE_PER_MINUTE,
    timeWindow: 60_000,
    groupId: PUBLIC_VERIFY_GROUP,
  };

  app.get(
    '/api/v1/public/verify/:kpj',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: 'Check a membership card without logging in: initials, status, programmes',
        security: [],
        params: KpjParam,
        response: { 200: Check, ...errors(404, 429) },
      },
    },
    async (req) => verifyMembership(deps, req.params.kpj),
  );

  // QR codes printed before the card check had its own prefix: /verifikasi/ + an 11-digit KPJ.
  // Only that form moves; /verifikasi/70 stays the app's page for batch 70.
  app.get('/verifikasi/:kpj(^\\d{11}$)', { schema: { hide: true } }, async (req, reply) =>
    reply.redirect(`${CARD_CHECK_PREFIX}/${(req.params as { kpj: string }).kpj}`, 301),
  );

  app.get(
    `${CARD_CHECK_PREFIX}/:kpj`,
    { config: { rateLimit }, errorHandler: pageError, schema: { hide: true, params: KpjParam } },
    async (req, reply) => {
      pageHeaders(reply);
      try {
        const check = await verifyMembership(deps, req.params.kpj);
        return reply.send(page('Kartu peserta terdaftar', facts(check)));
      } catch (e) {
        if (!isAppError(e) || e.code !== 'NOT_FOUND') throw e;
        return reply.status(404).send(page('Nomor KPJ tidak ditemukan', notFound()));
      }
    },
  );
};

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    .header('x-robots-tag', 'noindex');
}

/** The page's refusals (the limit, a bad number) as a page too; anything else as the API answers. */
function pageError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err) && err.code === 'RATE_LIMITED') {
    return pageHeaders(reply)
      .status(429)
      .send(page('Terlalu banyak permintaan', notice(err)));
  }
  return errorHandler(err, req, reply);
}

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
    ['Inisial nama', c.name],
    ['Status', STATUS_ID[c.status] ?? c.status],
    ['Program', c.programs.map((p) => `${p} (${PROGRAM_NAMES[p] ?? p})`).join(', ')],
  ];
  const cls = c.status === 'active' ? 'ok' : 'warn';
  return `<p class="badge ${cls}">${escapeHtml(STATUS_ID[c.status] ?? c.status)}</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<p class="note">Hanya inisial nama yang ditampilkan untuk melindungi data pribadi peserta.</p>`;
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
