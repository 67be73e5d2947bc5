import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate, RegencyCode } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import type { ExportFile } from '../../services/exports/table.ts';
import {
  branchDashboard,
  branchReport,
  districtDashboard,
  exportBranchDashboard,
  exportBranchReport,
  exportDistrictDashboard,
  listWorkforce,
  setWorkforce,
} from '../../services/reports/index.ts';
import { requireActor } from '../auth.ts';
import { errors, Freshness } from '../schemas.ts';

const Int = z.number().int();
export const CountAmount = z.object({ count: Int, amountRp: Int });
/** Claims paid by programme, as the branch report and the national summary give them. */
export const ClaimsByProgram = z.object({
  JHT: CountAmount,
  JKM: CountAmount,
  JKK: CountAmount,
  JP: CountAmount,
  JKP: CountAmount,
});
/** Active participants by segment: PU formal, BPU informal, JAKON construction. */
export const ActiveBySegment = z.object({ formal: Int, informal: Int, construction: Int, total: Int });
const FileQuery = {
  format: z.enum(['csv', 'xlsx', 'pdf']).optional().describe('a file instead of JSON'),
  table: z.string().max(40).optional().describe('one table of the report (CSV: the first when left out)'),
  sep: z
    .enum(['comma', 'semicolon'])
    .default('comma')
    .describe('CSV only: semicolon for Excel set to Indonesian'),
};

/** Non-ASN government workers apart (one query for both reports), per employer and work unit (OPD). */
const NonAsnCounts = z
  .object({
    active: Int,
    byWorkUnit: z.array(
      z.object({
        npp: z.string(),
        employerName: z.string(),
        workUnitCode: z.string().nullable(),
        workUnitName: z.string().nullable(),
        active: Int,
      }),
    ),
  })
  .meta({ id: 'NonAsnCounts' });

const BranchReport = z
  .object({
    regencyCode: z.string(),
    regencyName: z.string(),
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    claims: ClaimsByProgram,
    claimsTotal: CountAmount,
    benefitsPaidRp: Int,
    activeParticipants: ActiveBySegment,
    villageWorkers: Int,
    villagesWithWorkers: Int,
    nonAsn: NonAsnCounts,
    freshness: Freshness,
  })
  .meta({ id: 'BranchReport' });

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, Int])) as Record<K, typeof Int>);

const DistrictDashboard = z
  .object({
    regencyCode: z.string(),
    regencyName: z.string(),
    asOf: z.string(),
    /** Active participants on asOf in the caller's scope, regency-level ones included. */
    active: Int,
    ucj: z
      .object({
        year: Int,
        workforce: Int,
        source: z.string(),
        targetPercent: z.number(),
        covered: Int,
        percent: z.number(),
      })
      .nullable(),
    areas: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.enum(['district', 'village']),
        parentCode: z.string().nullable(),
        active: Int,
        bySegment: counts(['PU', 'BPU', 'JAKON', 'PMI']),
        byStatus: counts(['active', 'lapsed', 'ended', 'proposed', 'verified']),
        byFunding: counts(['SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR']),
      }),
    ),
    trends: z.array(z.object({ period: z.string(), active: Int, invoicedRp: Int, paidRp: Int })),
    arrears: counts(['notDueRp', 'd1_30Rp', 'd31_60Rp', 'd61_90Rp', 'over90Rp']),
    budget: z.array(z.object({ payerName: z.string(), allocatedRp: Int, committedRp: Int, usedRp: Int })),
    nonAsn: NonAsnCounts.nullable(),
    freshness: Freshness,
  })
  .meta({ id: 'DistrictDashboard' });

const BranchDashboard = z
  .object({
    regencyCode: z.string(),
    regencyName: z.string(),
    year: Int,
    claimsByMonth: z.array(z.object({ period: z.string(), program: z.string(), count: Int, amountRp: Int })),
    benefitsPaidRp: Int,
    sla: z.object({
      decided: Int.describe('Decisions by a person (automatic rule refusals excluded)'),
      withinSla: Int,
      percent: z.number(),
      overdueOpen: Int,
      automaticRefusals: Int.describe(
        'Claims the rules refused by themselves in the year, outside the SLA rate',
      ),
    }),
    payoutBatches: z.array(
      z.object({
        id: Int,
        number: z.string(),
        status: z.string(),
        count: Int,
        totalRp: Int,
        createdAt: z.string(),
      }),
    ),
    freshness: Freshness,
  })
  .meta({ id: 'BranchDashboard' });

const Workforce = z
  .object({
    regencyCode: z.string(),
    year: Int,
    workforce: Int,
    source: z.string(),
    targetPercent: z.number(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Workforce' });

function sendFile(reply: FastifyReply, file: ExportFile) {
  reply.header('content-type', file.contentType);
  reply.header('cache-control', 'no-store');
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return reply.send(file.body);
}

export const reportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/reports/branch',
    {
      schema: {
        tags: ['reports'],
        summary: 'Branch report for a period: claims paid by programme, active participants, village workers',
        querystring: z.object({ regency: RegencyCode, from: IsoDate, to: IsoDate, ...FileQuery }),
        response: { 200: BranchReport, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const input = { regencyCode: q.regency, from: q.from, to: q.to };
      if (!q.format) return branchReport(deps, requireActor(req), input);
      const opts = { format: q.format, table: q.table ?? null, separator: q.sep };
      return sendFile(reply, await exportBranchReport(deps, requireActor(req), input, opts));
    },
  );

  app.get(
    '/api/v1/dashboards/district',
    {
      schema: {
        tags: ['reports'],
        summary:
          'District dashboard as of a date: areas, UCJ, trends, arrears, budget (a village sees itself)',
        querystring: z.object({ regency: RegencyCode, asOf: IsoDate, ...FileQuery }),
        response: { 200: DistrictDashboard, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const input = { regencyCode: q.regency, asOf: q.asOf };
      if (!q.format) return districtDashboard(deps, requireActor(req), input);
      const opts = { format: q.format, table: q.table ?? null, separator: q.sep };
      return sendFile(reply, await exportDistrictDashboard(deps, requireActor(req), input, opts));
    },
  );

  app.get(
    '/api/v1/dashboards/branch',
    {
      schema: {
        tags: ['reports'],
        summary: 'Branch dashboard for a year: claims paid by month and programme, SLA, payout batches',
        querystring: z.object({
          regency: RegencyCode,
          year: z.coerce.number().int().min(2000).max(2100),
          ...FileQuery,
        }),
        response: { 200: BranchDashboard, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const input = { regencyCode: q.regency, year: q.year };
      if (!q.format) return branchDashboard(deps, requireActor(req), input);
      const opts = { format: q.format, table: q.table ?? null, separator: q.sep };
      return sendFile(reply, await exportBranchDashboard(deps, requireActor(req), input, opts));
    },
  );

  app.get(
    '/api/v1/workforce',
    {
      schema: {
        tags: ['reports'],
        summary: 'The workforce entered per year for a regency (the UCJ denominator) with source and target',
        querystring: z.object({ regency: RegencyCode }),
        response: {
          200: z.object({ regencyCode: z.string(), regencyName: z.string(), years: z.array(Workforce) }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => listWorkforce(deps, requireActor(req), req.query.regency),
  );

  app.put(
    '/api/v1/workforce',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Enter or correct a year’s workforce, its source (e.g. BPS Sakernas) and the coverage target',
        body: z.object({
          regencyCode: RegencyCode,
          year: Int,
          workforce: Int,
          source: z.string(),
          targetPercent: z.number(),
        }),
        response: { 200: Workforce, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => setWorkforce(deps, requireActor(req), req.body),
  );
};
