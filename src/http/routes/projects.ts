import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { changeProjectContract, ProjectContractChange } from '../../services/change-project-contract.ts';
import {
  changeProjectWorkers,
  listProjects,
  showProject,
  WorkerChangeInput,
} from '../../services/change-project-workers.ts';
import { ProjectInput, registerProject } from '../../services/register-project.ts';
import { requireActor } from '../auth.ts';
import { errors, NextCursor } from '../schemas.ts';
import {
  Paging,
  Project,
  ProjectChange,
  ProjectInvoice,
  ProjectParam,
  ProjectWorker,
} from './employer-schemas.ts';

const TAGS = ['projects'];

export const projectRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/projects',
    {
      schema: {
        tags: TAGS,
        summary:
          'Register a construction project; the JAKON premium follows the contract-value tiers and is invoiced to the contractor',
        body: ProjectInput,
        response: { 201: z.object({ project: Project }), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await registerProject(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/projects',
    {
      schema: {
        tags: TAGS,
        summary: 'Construction projects in the caller’s scope (an employer user: its own)',
        querystring: Paging.omit({ search: true }),
        response: {
          200: z.object({ total: z.number().int(), projects: z.array(Project), nextCursor: NextCursor }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => listProjects(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/projects/:number',
    {
      schema: {
        tags: TAGS,
        summary:
          'One project with its premium invoices (paid or open), contract changes, workers and their coverage dates',
        params: ProjectParam,
        response: {
          200: z.object({
            project: Project,
            invoices: z.array(ProjectInvoice),
            changes: z.array(ProjectChange),
            workers: z.array(ProjectWorker),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => showProject(deps, requireActor(req), req.params.number),
  );

  app.post(
    '/api/v1/projects/:number/workers',
    {
      schema: {
        tags: TAGS,
        summary: 'Add and remove workers; each is covered (JKK, JKM) from the project start to its end',
        params: ProjectParam,
        body: WorkerChangeInput,
        response: {
          200: z.object({ added: z.number().int(), removed: z.number().int(), unchanged: z.number().int() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => changeProjectWorkers(deps, requireActor(req), req.params.number, req.body),
  );

  app.post(
    '/api/v1/projects/:number/contract',
    {
      schema: {
        tags: TAGS,
        summary:
          'Change the contract value or end date: a higher premium invoices the difference; a lower one is not refunded (the regulations are silent)',
        params: ProjectParam,
        body: ProjectContractChange,
        response: {
          200: z.object({
            project: Project,
            adjustment: z.object({
              invoiceId: z.number().int().nullable(),
              dueDate: z.string().nullable(),
              invoicedRp: z.number().int(),
              notRefundedRp: z.number().int(),
              workersMoved: z.number().int(),
            }),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => changeProjectContract(deps, requireActor(req), req.params.number, req.body),
  );
};
