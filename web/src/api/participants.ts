import { api, call } from './client.ts';

export const PARTICIPANTS_PAGE_SIZE = 50;

/** A page of participants; `cursor` is the previous page's nextCursor (null: the first page). */
export function listParticipants(params: { region: string | null; q: string; cursor: string | null }) {
  const query = {
    region: params.region ?? undefined,
    q: params.q.trim(),
    limit: PARTICIPANTS_PAGE_SIZE,
    cursor: params.cursor ?? undefined,
  };
  return call(api.GET('/api/v1/participants', { params: { query } }));
}

/** Segments, statuses, funding sources, report programmes and employer scales, in display order. */
export const membershipCatalog = () => call(api.GET('/api/v1/catalogs/membership'));

/** The branch's review queue of persons with two active memberships of one programme. */
export function listMembershipConflicts(cursor: string | null) {
  const query = { limit: PARTICIPANTS_PAGE_SIZE, cursor: cursor ?? undefined };
  return call(api.GET('/api/v1/membership-conflicts', { params: { query } }));
}
