import { api, type Body, call, type Query, type Schema } from './client.ts';

// Claims: intake, documents, the maker/checker queues and decisions (src/http/routes/claims.ts),
// and the claim catalog (programmes, kinds, statuses, relations, banks: /api/v1/catalogs/claims).

export type ClaimCatalog = Schema<'ClaimCatalog'>;
export type ClaimStatus = ClaimCatalog['statuses'][number];
export type ClaimProgram = ClaimCatalog['programs'][number];
export type ClaimantRelation = ClaimCatalog['relations'][number];
export type Claim = Schema<'Claim'>;
export type ClaimEvent = Schema<'ClaimEvent'>;
export type ClaimDetail = Schema<'ClaimDetail'>;
export type ClaimExplanation = Schema<'ClaimExplanation'>;
export type ClaimReason = Awaited<ReturnType<typeof claimReasons>>['reasons'][number];
export type Bilingual = Claim['kindLabel'];

export const claimCatalog = () => call(api.GET('/api/v1/catalogs/claims'));
export const claimReasons = () => call(api.GET('/api/v1/claim-reasons'));

type ClaimFilter = Query<'/api/v1/claims'>;
export const CLAIMS_PAGE_SIZE = 50;

export function listClaims(filter: {
  status?: ClaimStatus | null;
  program?: ClaimProgram | null;
  overdue?: boolean | null;
  limit?: number;
  /** `nextCursor` of the previous page (null: the first page). */
  cursor?: string | null;
}) {
  const query: ClaimFilter = {
    status: filter.status ?? undefined,
    program: filter.program ?? undefined,
    overdue:
      filter.overdue === null || filter.overdue === undefined ? undefined : filter.overdue ? 'true' : 'false',
    limit: filter.limit ?? CLAIMS_PAGE_SIZE,
    cursor: filter.cursor ?? undefined,
  };
  return call(api.GET('/api/v1/claims', { params: { query } }));
}

/**
 * The claims in any of the statuses (one request per status, as the API filters by one), the
 * earliest SLA due first and claims without a due date last; at most `limit` per status.
 */
export async function listClaimsIn(
  statuses: readonly ClaimStatus[],
  filter: { program?: ClaimProgram | null; overdue?: boolean | null; limit?: number } = {},
): Promise<{ claims: Claim[]; truncated: boolean }> {
  const limit = filter.limit ?? 200;
  const pages = await Promise.all(statuses.map((status) => listClaims({ ...filter, status, limit })));
  const claims = pages.flatMap((p) => p.claims);
  claims.sort((a, b) => {
    const da = a.slaDueAt ?? '9999';
    const db = b.slaDueAt ?? '9999';
    return da === db ? a.id - b.id : da < db ? -1 : 1;
  });
  return { claims, truncated: pages.some((p) => p.nextCursor !== null) };
}

const byId = (id: string | number) => ({ params: { path: { id: Number(id) } } });

/** Claim intake's search: participants by NIK, KPJ or name, each with the person's earlier claims. */
export const findForIntake = (q: string) =>
  call(api.GET('/api/v1/claim-intake', { params: { query: { q: q.trim() } } }));
export type IntakeParticipant = Schema<'IntakeParticipant'>;
export type EarlierClaim = Schema<'EarlierClaim'>;

export const getClaim = (id: string | number) => call(api.GET('/api/v1/claims/{id}', byId(id)));

export type FileClaimBody = Body<'/api/v1/claims'>;
export const fileClaim = (body: FileClaimBody) => call(api.POST('/api/v1/claims', { body }));
export type ClaimStep = Awaited<ReturnType<typeof fileClaim>>;

export const submitClaim = (id: number) => call(api.POST('/api/v1/claims/{id}/submit', byId(id)));

export const decideClaim = (
  id: number,
  body: { approve: boolean; reasonCode?: string; note?: string; zeroAmountReason?: string },
) => call(api.POST('/api/v1/claims/{id}/decision', { ...byId(id), body }));

export const appealClaim = (id: number, note: string) =>
  call(api.POST('/api/v1/claims/{id}/appeal', { ...byId(id), body: { note } }));

export function claimDocumentUrl(claimId: number, documentId: number): string {
  return `/api/v1/claims/${claimId}/documents/${documentId}`;
}

/** PDF, JPEG or PNG up to 10 MB; the server checks the content itself, these only guide the picker. */
export const DOCUMENT_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
export const DOCUMENT_LIMIT_BYTES = 10 * 1024 * 1024;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Sent as base64 JSON so that the file's own name (spaces and all) is kept as typed. */
export async function uploadClaimDocument(claimId: number, docType: string, file: File) {
  const contentBase64 = await base64Of(file);
  return call(
    api.POST('/api/v1/claims/{id}/documents', {
      ...byId(claimId),
      // The route reads raw bytes or this JSON, so its schema declares no body: hence the cast.
      body: { docType, fileName: file.name, contentBase64 } as never,
    }),
  );
}
