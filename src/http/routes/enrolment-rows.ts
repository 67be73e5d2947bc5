import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import {
  correctEnrolmentRow,
  removeEnrolmentRow,
  showEnrolmentRow,
} from '../../services/edit-enrolment-row.ts';
import { requireActor } from '../auth.ts';
import { requestLang } from '../lang.ts';
import { errors } from '../schemas.ts';
import { Batch, RowReport } from './enrolment-schemas.ts';

// The rows of a village's draft batch, corrected or removed on screen before submission.

const RowParams = z.object({
  id: z.coerce.number().int().positive(),
  rowId: z.coerce.number().int().positive(),
});
const text = (max: number) => z.string().max(max);

/** A row as the operator types it: the enrolment file's columns, read by the same parser. */
const RowFields = z
  .object({
    nik: text(40),
    fullName: text(200),
    birthDate: text(40).describe('as in the file: YYYY-MM-DD or DD/MM/YYYY'),
    sex: text(20),
    occupation: text(100),
    phone: text(40),
    address: text(300),
    villageCode: text(20),
    income: text(40),
  })
  .strict()
  .meta({ id: 'EnrolmentRowFields' });

export const enrolmentRowRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/enrolment/batches/:id/rows/:rowId',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'One row of a batch as entered, to fill the correction form (the view is audited)',
        params: RowParams,
        response: {
          200: z.object({
            row: RowFields.extend({
              rowId: z.number().int(),
              rowNumber: z.number().int(),
              state: RowReport.shape.state,
            }),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => showEnrolmentRow(deps, requireActor(req), req.params.id, req.params.rowId),
  );

  app.put(
    '/api/v1/enrolment/batches/:id/rows/:rowId',
    {
      schema: {
        tags: ['enrolment'],
        summary:
          'Village operator corrects a row of the draft batch: validated like an uploaded row, it replaces the old one',
        params: RowParams,
        body: RowFields,
        response: {
          200: z.object({ batch: Batch, row: RowReport }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) =>
      correctEnrolmentRow(deps, requireActor(req), {
        batchId: req.params.id,
        rowId: req.params.rowId,
        fields: req.body,
        lang: requestLang(req),
      }),
  );

  app.delete(
    '/api/v1/enrolment/batches/:id/rows/:rowId',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Village operator removes a row from the draft batch before submitting it',
        params: RowParams,
        response: { 200: z.object({ batch: Batch }), ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => removeEnrolmentRow(deps, requireActor(req), req.params.id, req.params.rowId),
  );
};
