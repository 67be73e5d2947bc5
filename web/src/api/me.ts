import { apiRequest } from './client.ts';
import type { User } from './types.ts';

// Participant self-service: the participant's own records (/api/v1/me/…) and account activation.

export interface MyMembership {
  kpj: string;
  kpjFormatted: string;
  fullName: string;
  segment: string;
  segmentName: string;
  programs: { code: string; name: string }[];
  fundingSource: string;
  funding: string;
  status: 'proposed' | 'verified' | 'active' | 'lapsed' | 'ended';
  statusSince: string;
  regionCode: string;
  villageName: string;
  regencyName: string;
}

export interface MyCoverage {
  status: MyMembership['status'];
  statusSince: string;
  periods: { from: string; to: string | null }[];
  history: { status: MyMembership['status']; effectiveDate: string; reason: string }[];
}

export interface MyContributionLine {
  period: string;
  program: string;
  payerRole: string;
  kind: string;
  amountRp: number;
  invoiceNumber: string;
  payerName: string;
  dueDate: string;
  invoiceState: 'paid' | 'partial' | 'unpaid';
  paidOn: string | null;
}

export interface MyContributions {
  totals: { billedRp: number; paidRp: number; unpaidRp: number };
  lines: MyContributionLine[];
  truncated: boolean;
}

export type ClaimStatus = 'filed' | 'submitted' | 'approved' | 'rejected' | 'appealed' | 'batched' | 'paid';

export interface MyClaim {
  id: number;
  number: string;
  program: string;
  kind: string;
  status: ClaimStatus;
  eventDate: string;
  filedAt: string;
  updatedAt: string;
  refusalCode: string | null;
  amountRp: number | null;
  bankCode: string;
  bankAccountMasked: string;
  channel: string;
}

export interface MyClaimDetail extends MyClaim {
  events: { action: string; toStatus: ClaimStatus; reasonCode: string | null; at: string }[];
}

export interface MyJht {
  available: boolean;
  balanceRp: number | null;
  asOf: string | null;
  lastEntryOn: string | null;
}

export const myMembership = () => apiRequest<MyMembership>('GET', '/me/membership');
export const myCoverage = () => apiRequest<MyCoverage>('GET', '/me/coverage');
export const myContributions = () => apiRequest<MyContributions>('GET', '/me/contributions');
export const myJht = () => apiRequest<MyJht>('GET', '/me/jht');
export const myClaims = () => apiRequest<{ claims: MyClaim[] }>('GET', '/me/claims');
export const myClaim = (id: string) =>
  apiRequest<MyClaimDetail>('GET', `/me/claims/${encodeURIComponent(id)}`);

/** The participant's own card, downloaded by the browser with the session cookie. */
export const MY_CARD_URL = '/api/v1/me/card.pdf';

export async function activateAccount(kpj: string, code: string, password: string): Promise<User> {
  const { user } = await apiRequest<{ user: User }>('POST', '/auth/activate', { kpj, code, password });
  return user;
}
