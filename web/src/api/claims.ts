import { apiRequest, queryString } from './client.ts';

// Claims: intake, documents, the maker/checker queues and decisions (src/http/routes/claims.ts).

export type ClaimStatus = 'filed' | 'submitted' | 'approved' | 'rejected' | 'appealed' | 'batched' | 'paid';
export type ClaimProgram = 'JKM' | 'JKK' | 'JHT' | 'JP' | 'JKP';
export const CLAIM_PROGRAMS: readonly ClaimProgram[] = ['JKM', 'JKK', 'JHT', 'JP', 'JKP'];

export interface Bilingual {
  id: string;
  en: string;
}

export interface Claim {
  id: number;
  number: string;
  participantId: number;
  kpj: string;
  participantName: string;
  regencyCode: string;
  program: ClaimProgram;
  kind: string;
  kindLabel: Bilingual;
  eventDate: string;
  eventDetail?: Record<string, unknown>;
  claimant: { relation: string; name: string; nik: string };
  bank: { code: string; name: string; account: string; holder: string };
  channel: string;
  status: ClaimStatus;
  refusal: { code: string; id: string; en: string } | null;
  amountRp: number | null;
  rulesVersion?: string | null;
  slaDueAt: string | null;
  slaDueDate: string | null;
  overdue: boolean;
  filedBy?: string;
  filedAt?: string;
}

export interface ClaimDocument {
  id: number;
  docType: string;
  fileName: string;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ClaimEvent {
  id?: number;
  action: string;
  fromStatus?: string | null;
  toStatus: string;
  reasonCode?: string | null;
  note?: string | null;
  amountRp?: number | null;
  actor: string;
  at: string;
}

/** What the rules wrote down (src/services/claims/explain.ts): summary, notes, benefit workings. */
export interface ClaimExplanation {
  summary?: Bilingual;
  refusal?: { code: string; id: string; en: string };
  notes?: ({ code: string } & Bilingual)[];
  liability?: 'employer' | 'bpjs';
  benefit?: {
    totalRp: number;
    components: { name: string; amountRp: number; basis: string }[];
    reasons: ({ code: string } & Bilingual)[];
    explanation: {
      rules: { rule: string; text: Bilingual; basis: string }[];
      parameters: { id: string; effectiveFrom: string; value: unknown; unit: string; reference: string }[];
    };
  };
}

export interface ClaimDetail extends Claim {
  explanation: ClaimExplanation | null;
  checklist: { docType: string; label: Bilingual; present: boolean }[];
  documents: ClaimDocument[];
  events: ClaimEvent[];
}

export interface ClaimStep {
  id: number;
  number: string;
  status: ClaimStatus;
  amountRp?: number | null;
  refusal?: { code: string; id: string; en: string };
}

export interface ClaimKind {
  kind: string;
  label: Bilingual;
  death: boolean;
  documents: string[];
}

export interface ClaimKinds {
  kinds: Record<ClaimProgram, ClaimKind[]>;
  documentTypes: Record<string, Bilingual>;
}

export interface ClaimReason {
  code: string;
  source: 'rules' | 'checker' | string;
  id: string;
  en: string;
}

export const CLAIMANT_RELATIONS = [
  'peserta',
  'pasangan',
  'anak',
  'orang_tua',
  'cucu',
  'kakek_nenek',
  'saudara',
  'mertua',
  'wasiat',
] as const;
export type ClaimantRelation = (typeof CLAIMANT_RELATIONS)[number];

/** Heirs order (fact sheet §3.1): lower ranks come first; mirrors HEIR_RANK of the claims service. */
export const HEIR_RANK: Record<Exclude<ClaimantRelation, 'peserta'>, number> = {
  pasangan: 1,
  anak: 1,
  orang_tua: 2,
  cucu: 3,
  kakek_nenek: 4,
  saudara: 5,
  mertua: 6,
  wasiat: 7,
};

/** The branch's payout banks; the server refuses any other code (BANKS in the claims catalog). */
export const BANKS: readonly { code: string; name: string }[] = [
  { code: '002', name: 'BRI' },
  { code: '008', name: 'Bank Mandiri' },
  { code: '009', name: 'BNI' },
  { code: '014', name: 'BCA' },
  { code: '200', name: 'BTN' },
  { code: '451', name: 'Bank Syariah Indonesia' },
  { code: '130', name: 'Bank NTT' },
];

/** JHT full: the trigger; JKP: why the work was lost (the rules' reason codes). */
export const JHT_REASONS = [
  'retirement_age',
  'resignation',
  'termination',
  'contract_end',
  'bpu_stopped',
  'leaving_indonesia',
  'total_permanent_disability',
  'death',
] as const;
export const JKP_REASONS = [
  'termination',
  'contract_terminated_early',
  'resignation',
  'contract_end',
  'retirement',
  'total_permanent_disability',
  'death',
] as const;

export interface FileClaimBody {
  kpj: string;
  program: ClaimProgram;
  kind: string;
  eventDate: string;
  eventDetail: {
    cause?: string;
    accidentAt?: string;
    reportedAt?: string;
    reportedBy?: string;
    reason?: string;
  };
  claimant: { relation: ClaimantRelation; name: string; nik: string };
  heirs?: ClaimantRelation[];
  bank: { code: string; account: string; holder: string };
}

export interface ClaimFilter {
  status?: ClaimStatus | null;
  program?: ClaimProgram | null;
  overdue?: boolean | null;
  limit?: number;
  offset?: number;
}

export const CLAIMS_PAGE_SIZE = 50;

export const claimKinds = () => apiRequest<ClaimKinds>('GET', '/claim-kinds');
export const claimReasons = () => apiRequest<{ reasons: ClaimReason[] }>('GET', '/claim-reasons');

export function listClaims(filter: ClaimFilter): Promise<{ total: number; claims: Claim[] }> {
  return apiRequest(
    'GET',
    `/claims${queryString({
      status: filter.status,
      program: filter.program,
      overdue: filter.overdue === null || filter.overdue === undefined ? null : String(filter.overdue),
      limit: filter.limit ?? CLAIMS_PAGE_SIZE,
      offset: filter.offset ?? 0,
    })}`,
  );
}

/**
 * The claims in any of the statuses (one request per status, as the API filters by one), the
 * earliest SLA due first and claims without a due date last; at most `limit` per status.
 */
export async function listClaimsIn(
  statuses: readonly ClaimStatus[],
  filter: Omit<ClaimFilter, 'status' | 'offset'> = {},
): Promise<{ claims: Claim[]; truncated: boolean }> {
  const limit = filter.limit ?? 200;
  const pages = await Promise.all(statuses.map((status) => listClaims({ ...filter, status, limit })));
  const claims = pages.flatMap((p) => p.claims);
  claims.sort((a, b) => {
    const da = a.slaDueAt ?? '9999';
    const db = b.slaDueAt ?? '9999';
    return da === db ? a.id - b.id : da < db ? -1 : 1;
  });
  return { claims, truncated: pages.some((p) => p.total > p.claims.length) };
}

export const getClaim = (id: string | number) =>
  apiRequest<ClaimDetail>('GET', `/claims/${encodeURIComponent(String(id))}`);

export const fileClaim = (body: FileClaimBody) => apiRequest<ClaimStep>('POST', '/claims', body);

export const submitClaim = (id: number) => apiRequest<ClaimStep>('POST', `/claims/${id}/submit`);

export const decideClaim = (id: number, body: { approve: boolean; reasonCode?: string; note?: string }) =>
  apiRequest<ClaimStep>('POST', `/claims/${id}/decision`, body);

export const appealClaim = (id: number, note: string) =>
  apiRequest<ClaimStep>('POST', `/claims/${id}/appeal`, { note });

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
  return apiRequest<{
    id: number;
    sha256: string;
    mediaType: string;
    missing: string[];
    slaDueAt: string | null;
  }>('POST', `/claims/${claimId}/documents`, { docType, fileName: file.name, contentBase64 });
}
