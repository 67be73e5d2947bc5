import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Period } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { exportInvoiceLines, exportInvoices, exportPayers } from '../../services/billing-exports.ts';
import type { ExportFile, ExportFormat } from '../../services/exports/table.ts';
import {
  type BankAccount,
  invoiceFileStem,
  invoicePdf,
  PLACEHOLDER_BANK,
} from '../../services/invoice-pdf.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];
const Separator = z
  .enum(['comma', 'semicolon'])
  .default('comma')
  .describe('CSV only: semicolon for Excel set to Indonesian');

export interface BillingExportRouteOptions {
  deps: Deps;
  /** Account printed on invoices; default from LINDUNG_BANK_NAME / _ACCOUNT / _ACCOUNT_NAME. */
  bank?: BankAccount;
}

function bankFromEnv(): BankAccount {
  return {
    bankName: process.env.LINDUNG_BANK_NAME ?? PLACEHOLDER_BANK.bankName,
    accountNumber: process.env.LINDUNG_BANK_ACCOUNT ?? PLACEHOLDER_BANK.accountNumber,
    accountName: process.env.LINDUNG_BANK_ACCOUNT_NAME ?? PLACEHOLDER_BANK.accountName,
  };
}

function sendFile(reply: FastifyReply, file: ExportFile) {
  reply.header('content-type', file.contentType);
  reply.header('cache-control', 'no-store');
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return reply.send(file.body);
}

export const billingExportRoutes: FastifyPluginAsyncZod<BillingExportRouteOptions> = async (app, opts) => {
  const { deps } = opts;
  const bank = opts.bank ?? bankFromEnv();

  app.get(
    '/api/v1/invoices/:id/invoice.pdf',
    {
      schema: {
        tags: ['billing'],
        summary: 'The invoice as an A4 PDF (counts and totals only, no personal data)',
        params: z.object({ id: z.coerce.number().int() }),
        response: errors(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const { pdf, number } = await invoicePdf(deps, requireActor(req), req.params.id, { bank });
      const file = { body: pdf, contentType: 'application/pdf', fileName: `${invoiceFileStem(number)}.pdf` };
      return sendFile(reply, file);
    },
  );

  for (const format of FORMATS) {
    app.get(
      `/api/v1/invoices.${format}`,
      {
        schema: {
          tags: ['billing'],
          summary: `Invoices in the caller’s scope as ${format.toUpperCase()}`,
          querystring: z.object({
            payer: z.coerce.number().int().optional(),
            period: Period.optional(),
            status: z.enum(['open', 'paid']).optional(),
            sep: Separator,
          }),
          response: errors(400, 401, 403, 422),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const filter = { payerId: q.payer ?? null, period: q.period ?? null, status: q.status ?? null };
        const file = await exportInvoices(deps, requireActor(req), filter, { format, separator: q.sep });
        return sendFile(reply, file);
      },
    );

    app.get(
      `/api/v1/payers.${format}`,
      {
        schema: {
          tags: ['billing'],
          summary: `Payers in scope with invoiced, paid and balance as ${format.toUpperCase()}`,
          querystring: z.object({ sep: Separator }),
          response: errors(400, 401, 403),
        },
      },
      async (req, reply) =>
        sendFile(reply, await exportPayers(deps, requireActor(req), { format, separator: req.query.sep })),
    );

    app.get(
      `/api/v1/invoices/:id/lines.${format}`,
      {
        schema: {
          tags: ['billing'],
          summary: `Lines of one invoice with KPJ and name (masked unless the role sees personal data) as ${format.toUpperCase()}`,
          params: z.object({ id: z.coerce.number().int() }),
          querystring: z.object({ sep: Separator }),
          response: errors(400, 401, 403, 404),
        },
      },
      async (req, reply) => {
        const exportOpts = { format, separator: req.query.sep };
        return sendFile(reply, await exportInvoiceLines(deps, requireActor(req), req.params.id, exportOpts));
      },
    );
  }
};
