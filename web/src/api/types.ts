import type { Answer, Schema } from './client.ts';

// Names for shapes of the lindung HTTP API that several screens share. Every one is taken from
// the generated schema.d.ts (the server's own zod schemas), never written out by hand.

export type User = Schema<'User'>;
export type Role = User['role'];

export type RegionResponse = Answer<'/api/v1/regions/{code}'>;
export type Region = RegionResponse['region'];
export type RegionSummary = RegionResponse['children'][number];
export type RegionAncestor = RegionResponse['ancestors'][number];

export type Batch = Schema<'EnrolmentBatch'>;
export type BatchStatus = Batch['status'];
export type BatchDetail = Answer<'/api/v1/enrolment/batches/{id}'>;
export type RowReport = Schema<'EnrolmentRow'>;
export type RowIssue = RowReport['errors'][number];
export type RowFields = Schema<'EnrolmentRowFields'>;
export type UploadResult = Answer<'/api/v1/enrolment/uploads', 'post'>;

export type Participant = Schema<'Participant'>;
export type RegionCounts = Region['counts'];
export type RegionLevel = Region['level'];
