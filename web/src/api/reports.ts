import { api, type Body, call, type Query, queryString, type Schema } from './client.ts';

// Dashboards, the branch report and the district's workforce (src/http/routes/reports.ts).
// Shapes follow the reports contract; money is integer rupiah, percentages are 0–100.

export type DistrictDashboard = Schema<'DistrictDashboard'>;
export type DashboardArea = DistrictDashboard['areas'][number];
export type Ucj = NonNullable<DistrictDashboard['ucj']>;
export type TrendPoint = DistrictDashboard['trends'][number];
export type Arrears = DistrictDashboard['arrears'];
export type BudgetUse = DistrictDashboard['budget'][number];
export type NonAsnCounts = Schema<'NonAsnCounts'>;
export type BranchDashboard = Schema<'BranchDashboard'>;
export type ClaimsMonth = BranchDashboard['claimsByMonth'][number];
export type PayoutBatchRow = BranchDashboard['payoutBatches'][number];
export type BranchReport = Schema<'BranchReport'>;
export type Freshness = Schema<'Freshness'>;
export type Program = keyof BranchReport['claims'];
export type ParticipantStatus = keyof DashboardArea['byStatus'];

export type DistrictTable =
  | 'areas'
  | 'districts'
  | 'villages'
  | 'trends'
  | 'arrears'
  | 'budget'
  | 'ucj'
  | 'non_asn';
export type BranchTable = 'claimsByMonth' | 'sla' | 'payoutBatches';
export type ReportFormat = NonNullable<Query<'/api/v1/reports/branch'>['format']>;

const districtParams = (regency: string, asOf: string) => ({ regency, asOf });
const branchParams = (regency: string, year: number) => ({ regency, year });
const reportParams = (regency: string, from: string, to: string) => ({ regency, from, to });

export function getDistrictDashboard(regency: string, asOf: string) {
  return call(api.GET('/api/v1/dashboards/district', { params: { query: districtParams(regency, asOf) } }));
}

/** One dashboard table as CSV: the same address with `format=csv&table=<name>`. */
export function districtCsvUrl(regency: string, asOf: string, table: DistrictTable): string {
  return `/api/v1/dashboards/district${queryString({ ...districtParams(regency, asOf), format: 'csv', table })}`;
}

export function getBranchDashboard(regency: string, year: number) {
  return call(api.GET('/api/v1/dashboards/branch', { params: { query: branchParams(regency, year) } }));
}

export function branchCsvUrl(regency: string, year: number, table: BranchTable): string {
  return `/api/v1/dashboards/branch${queryString({ ...branchParams(regency, year), format: 'csv', table })}`;
}

export function getBranchReport(regency: string, from: string, to: string) {
  return call(api.GET('/api/v1/reports/branch', { params: { query: reportParams(regency, from, to) } }));
}

export function branchReportUrl(regency: string, from: string, to: string, format: ReportFormat): string {
  return `/api/v1/reports/branch${queryString({ ...reportParams(regency, from, to), format })}`;
}

export function putWorkforce(input: Body<'/api/v1/workforce', 'put'>) {
  return call(api.PUT('/api/v1/workforce', { body: input }));
}

/** The regency (`53.04`) a user's home region lies in; Belu when the user has none. */
export function homeRegency(homeRegion: string | null): string {
  const match = /^\d{2}\.\d{2}/.exec(homeRegion ?? '');
  return match ? match[0] : '53.04';
}
