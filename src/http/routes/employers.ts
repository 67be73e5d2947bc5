import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Period } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { BusinessTypeInput, listBusinessTypes, updateBusinessType } from '../../services/business-types.ts';
import { importWageReport } from '../../services/import-wage-report.ts';
import { listEmployers, showEmployer } from '../../services/list-employers.ts';
import { EmployeeInput, registerEmployee } from '../../services/register-employee.ts';
import { EmployerInput, registerEmployer } from '../../services/register-employer.ts';
import { WAGE_FILE_LIMIT_BYTES } from '../../services/wage-file/parse.ts';
import { listEmployerWorkUnits, registerWorkUnit, WorkUnitInput } from '../../services/work-units.ts';
import { requireActor } from '../auth.ts';
import { uploadFileName } from '../input-guard.ts';
import { requestLang } from '../lang.ts';
import { errors, NextCursor } from '../schemas.ts';
import {
  BusinessType,
  Employer,
  Employment,
  NppParam,
  Paging,
  WageImportResult,
  WorkUnit,
} from './employer-schemas.ts';

const TAGS = ['employers'];

export const employerRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // The wage file arrives as raw bytes, like the enrolment upload (same content types).
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv'],
    { parseAs: 'buffer', bodyLimit: WAGE_FILE_LIMIT_BYTES + 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/employers',
    {
      schema: {
        tags: TAGS,
        summary: 'Register an employer (branch officer); its risk group comes from the business type',
        body: EmployerInput,
        response: { 201: z.object({ employer: Employer }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await registerEmployer(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/employers',
    {
      schema: {
        tags: TAGS,
        summary: 'Employers in the caller’s scope (an employer user: itself)',
        querystring: Paging,
        response: {
          200: z.object({ total: z.number().int(), employers: z.array(Employer), nextCursor: NextCursor }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => listEmployers(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/employers/:npp',
    {
      schema: {
        tags: TAGS,
        summary: 'One employer, by NPP',
        params: NppParam,
        response: { 200: z.object({ employer: Employer }), ...errors(401, 403, 404) },
      },
    },
    async (req) => showEmployer(deps, requireActor(req), req.params.npp),
  );

  app.post(
    '/api/v1/employers/:npp/employees',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a worker of the employer: person by NIK, PU participant with KPJ, employment',
        params: NppParam,
        body: EmployeeInput,
        response: {
          201: z.object({
            employment: Employment,
            /** Earlier BPU memberships (self-paid or village-funded) this PU registration ended. */
            endedMemberships: z.number().int().nonnegative(),
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerEmployee(deps, requireActor(req), req.params.npp, req.body)),
  );

  app.get(
    '/api/v1/employers/:npp/work-units',
    {
      schema: {
        tags: TAGS,
        summary: 'Work units (OPD) of a government employer, with their active Non-ASN workers',
        params: NppParam,
        response: { 200: z.object({ workUnits: z.array(WorkUnit) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => listEmployerWorkUnits(deps, requireActor(req), req.params.npp),
  );

  app.post(
    '/api/v1/employers/:npp/work-units',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a work unit (OPD) of a government employer, to group its Non-ASN workers',
        params: NppParam,
        body: WorkUnitInput,
        response: { 201: z.object({ workUnit: WorkUnit }), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerWorkUnit(deps, requireActor(req), req.params.npp, req.body)),
  );

  app.post(
    '/api/v1/employers/:npp/wage-reports',
    {
      config: { longRunning: true },
      bodyLimit: WAGE_FILE_LIMIT_BYTES + 1024,
      schema: {
        tags: TAGS,
        summary: 'Import the month’s wage report (raw XLSX or CSV: NIK, Nama, Upah (Rp), Mutasi)',
        params: NppParam,
        querystring: z.object({
          period: Period,
          dryRun: z.enum(['true', 'false']).default('false'),
        }),
        headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
        response: { 201: WageImportResult, ...errors(400, 401, 403, 404, 413, 422) },
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      const result = await importWageReport(deps, requireActor(req), {
        npp: req.params.npp,
        period: req.query.period,
        fileName: uploadFileName(req, 'upload'),
        bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        dryRun: req.query.dryRun === 'true',
        lang: requestLang(req),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/business-types',
    {
      schema: {
        tags: TAGS,
        summary: 'Business types and their JKK risk group (PP 44/2015 Lampiran I; partial until transcribed)',
        response: { 200: z.object({ businessTypes: z.array(BusinessType) }), ...errors(401) },
      },
    },
    async (req) => listBusinessTypes(deps, requireActor(req)),
  );

  app.put(
    '/api/v1/business-types/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Create or change a business type (admin)',
        params: z.object({ code: z.string().max(48) }),
        body: BusinessTypeInput,
        response: { 200: z.object({ businessType: BusinessType }), ...errors(400, 401, 403) },
      },
    },
    async (req) => updateBusinessType(deps, requireActor(req), req.params.code, req.body),
  );
};
