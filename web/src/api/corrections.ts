import { api, call, type Schema } from './client.ts';

export type PersonCorrection = Schema<'PersonCorrection'>;
export type CorrectionChanges = { fullName?: string; birthDate?: string; sex?: 'L' | 'P'; nik?: string };

/** The corrections of persons' data in the caller's scope (pending: the approver's queue). */
export function listCorrections(status: 'pending' | 'approved' | 'rejected' = 'pending') {
  return call(api.GET('/api/v1/person-corrections', { params: { query: { status, limit: 200 } } }));
}

/** Maker: proposes a correction; a different user decides. */
export function proposeCorrection(body: {
  participantId: number;
  changes: CorrectionChanges;
  reason: string;
  evidenceNote: string;
}) {
  return call(api.POST('/api/v1/person-corrections', { body }));
}

/** Checker: approves (the person's data changes) or rejects with a note. */
export function decideCorrection(id: number, approve: boolean, note?: string) {
  return call(
    api.POST('/api/v1/person-corrections/{id}/decision', {
      params: { path: { id } },
      body: { approve, ...(note ? { note } : {}) },
    }),
  );
}
