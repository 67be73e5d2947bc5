import { apiRequest, queryString } from './client.ts';

// Dashboards, the branch report and the district's workforce (src/http/routes/reports.ts).
// Shapes follow the reports contract; money is integer rupiah, percentages are 0–100.

export const PROGRAMS = ['JHT', 'JKM', 'JKK', 'JP', 'JKP'] as const;
export type Program = (typeof PROGRAMS)[number];

export const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export const STATUSES = ['active', 'lapsed', 'ended', 'proposed', 'verified'] as const;
export const FUNDINGS = ['SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR'] as const;

export type Segment = (typeof SEGMENTS)[number];
export type ParticipantStatus = (typeof STATUSES)[number];
export type Funding = (typeof FUNDINGS)[number];

export interface Ucj {
  year: number;
  workforce: number;
  source: string;
  targetPercent: number;
  covered: number;
  percent: number;
}

export interface DashboardArea {
  code: string;
  name: string;
  level: 'district' | 'village';
  parentCode: string | null;
  active: number;
  bySegment: Record<Segment, number>;
  byStatus: Record<ParticipantStatus, number>;
  byFunding: Record<Funding, number>;
}

export interface TrendPoint {
  period: string;
  active: number;
  invoicedRp: number;
  paidRp: number;
}

export interface Arrears {
  notDueRp: number;
  d1_30Rp: number;
  d31_60Rp: number;
  d61_90Rp: number;
  over90Rp: number;
}

export interface BudgetUse {
  payerName: string;
  allocatedRp: number;
  committedRp: number;
  usedRp: number;
}

export interface DistrictDashboard {
  regencyCode: string;
  regencyName: string;
  asOf: string;
  ucj: Ucj | null;
  areas: DashboardArea[];
  trends: TrendPoint[];
  arrears: Arrears;
  budget: BudgetUse[];
}

export interface ClaimsMonth {
  period: string;
  program: string;
  count: number;
  amountRp: number;
}

export interface PayoutBatchRow {
  id: number;
  number: string;
  status: string;
  count: number;
  totalRp: number;
  createdAt: string;
}

export interface BranchDashboard {
  regencyCode: string;
  year: number;
  claimsByMonth: ClaimsMonth[];
  benefitsPaidRp: number;
  sla: { decided: number; withinSla: number; percent: number; overdueOpen: number };
  payoutBatches: PayoutBatchRow[];
}

export interface CountAmount {
  count: number;
  amountRp: number;
}

export interface BranchReport {
  regencyCode: string;
  regencyName: string;
  from: string;
  to: string;
  generatedAt: string;
  claims: Record<Program, CountAmount>;
  claimsTotal: CountAmount;
  benefitsPaidRp: number;
  activeParticipants: { formal: number; informal: number; construction: number; total: number };
  villageWorkers: number;
  villagesWithWorkers: number;
}

export interface WorkforceInput {
  regencyCode: string;
  year: number;
  workforce: number;
  source: string;
  targetPercent: number;
}

export type DistrictTable = 'areas' | 'districts' | 'villages' | 'trends' | 'arrears' | 'budget' | 'ucj';
export type BranchTable = 'claimsByMonth' | 'sla' | 'payoutBatches';
export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

type Params = Record<string, string | number>;

const districtParams = (regency: string, asOf: string): Params => ({ regency, asOf });
const branchParams = (regency: string, year: number): Params => ({ regency, year });
const reportParams = (regency: string, from: string, to: string): Params => ({ regency, from, to });

export function getDistrictDashboard(regency: string, asOf: string): Promise<DistrictDashboard> {
  return apiRequest('GET', `/dashboards/district${queryString(districtParams(regency, asOf))}`);
}

/** One dashboard table as CSV: the same address with `format=csv&table=<name>`. */
export function districtCsvUrl(regency: string, asOf: string, table: DistrictTable): string {
  return `/api/v1/dashboards/district${queryString({ ...districtParams(regency, asOf), format: 'csv', table })}`;
}

export function getBranchDashboard(regency: string, year: number): Promise<BranchDashboard> {
  return apiRequest('GET', `/dashboards/branch${queryString(branchParams(regency, year))}`);
}

export function branchCsvUrl(regency: string, year: number, table: BranchTable): string {
  return `/api/v1/dashboards/branch${queryString({ ...branchParams(regency, year), format: 'csv', table })}`;
}

export function getBranchReport(regency: string, from: string, to: string): Promise<BranchReport> {
  return apiRequest('GET', `/reports/branch${queryString(reportParams(regency, from, to))}`);
}

export function branchReportUrl(regency: string, from: string, to: string, format: ReportFormat): string {
  return `/api/v1/reports/branch${queryString({ ...reportParams(regency, from, to), format })}`;
}

export function putWorkforce(input: WorkforceInput): Promise<unknown> {
  return apiRequest('PUT', '/workforce', input);
}

/** The regency (`53.04`) a user's home region lies in; Belu when the user has none. */
export function homeRegency(homeRegion: string | null): string {
  const match = /^\d{2}\.\d{2}/.exec(homeRegion ?? '');
  return match ? match[0] : '53.04';
}
