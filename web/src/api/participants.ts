import { api, call, type Schema } from './client.ts';

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

export type ParticipantPage = Schema<'ParticipantPage'>;

/** The staff's participant page: identity, memberships, coverage, contributions, claims, actions. */
export const participantPage = (kpj: string) =>
  call(api.GET('/api/v1/participants/{kpj}', { params: { path: { kpj } } }));

/** The participant's card (card-sized PDF), downloaded with the session cookie. */
export const participantCardUrl = (kpj: string) => `/api/v1/participants/${encodeURIComponent(kpj)}/card.pdf`;

/** The active participants' cards of a village on A4 sheets with cut marks. */
export const villageCardsUrl = (code: string) => `/api/v1/villages/${encodeURIComponent(code)}/cards.pdf`;

/** A new one-time activation code, shown once (the previous code stops working). */
export const issueActivationCode = (participantId: number) =>
  call(api.POST('/api/v1/participants/{id}/activation-code', { params: { path: { id: participantId } } }));

/** The address cards and letters print, and whether it is still a loopback one (admin). */
export const publicUrlStatus = () => call(api.GET('/api/v1/system/public-url'));
