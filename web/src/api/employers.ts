import { apiRequest, queryString, uploadRaw } from './client.ts';

// Employers, their workers and wage reports; construction projects (JAKON).
// src/http/routes/employers.ts, projects.ts and employer-schemas.ts.

export type EmployerScale = 'micro' | 'small' | 'medium' | 'large';
export const EMPLOYER_SCALES: readonly EmployerScale[] = ['micro', 'small', 'medium', 'large'];

export interface BusinessType {
  code: string;
  name: string;
  riskGroup: number;
  source: string;
  status: 'partial' | 'confirmed';
}

export interface Employer {
  id: number;
  npp: string;
  name: string;
  businessTypeCode: string;
  businessTypeName: string;
  riskGroup: number;
  riskGroupReason: string | null;
  scale: EmployerScale;
  isGovernment: boolean;
  regionCode: string;
  regionName: string;
  regencyCode: string;
  payerId: number;
  createdAt: string;
  activeEmployees: number;
}

export interface EmployerInput {
  npp: string;
  name: string;
  businessTypeCode: string;
  scale: EmployerScale;
  isGovernment: boolean;
  regionCode: string;
}

export interface Employment {
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  startDate: string;
  endDate: string | null;
  wageRp: number;
  programs: string[];
  status: string;
}

export interface EmployeeInput {
  nik: string;
  fullName?: string;
  birthDate?: string;
  sex?: 'L' | 'P';
  startDate: string;
  wageRp: number;
  jp: boolean;
  jkp: boolean;
}

export interface WageProblem {
  rowNumber: number;
  nik: string;
  fullName: string;
  errors: { field: string; code: string; message: string }[];
}

export interface WageImportResult {
  employer: { npp: string; name: string };
  period: string;
  upload: {
    id: number | null;
    fileName: string;
    rows: number;
    valid: number;
    invalid: number;
    joined: number;
    left: number;
    wageChanged: number;
    unchanged: number;
  };
  problems: WageProblem[];
  dryRun: boolean;
  repeated: boolean;
}

export const EMPLOYERS_PAGE_SIZE = 50;

export function listEmployers(
  search: string,
  offset: number,
): Promise<{ total: number; employers: Employer[] }> {
  return apiRequest(
    'GET',
    `/employers${queryString({ search: search.trim(), limit: EMPLOYERS_PAGE_SIZE, offset })}`,
  );
}

export async function getEmployer(npp: string): Promise<Employer> {
  return (await apiRequest<{ employer: Employer }>('GET', `/employers/${encodeURIComponent(npp)}`)).employer;
}

export async function registerEmployer(input: EmployerInput): Promise<Employer> {
  return (await apiRequest<{ employer: Employer }>('POST', '/employers', input)).employer;
}

export async function registerEmployee(npp: string, input: EmployeeInput): Promise<Employment> {
  return (
    await apiRequest<{ employment: Employment }>(
      'POST',
      `/employers/${encodeURIComponent(npp)}/employees`,
      input,
    )
  ).employment;
}

export async function listBusinessTypes(): Promise<BusinessType[]> {
  return (await apiRequest<{ businessTypes: BusinessType[] }>('GET', '/business-types')).businessTypes;
}

export function uploadWageReport(
  npp: string,
  period: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<WageImportResult> {
  return uploadRaw<WageImportResult>(
    `/api/v1/employers/${encodeURIComponent(npp)}/wage-reports${queryString({ period, dryRun: false })}`,
    file,
    onProgress,
  );
}

// ---- Construction projects ---------------------------------------------------------------

export interface PremiumLine {
  program?: string;
  amountRp?: number;
  basis?: string;
  payer?: string;
}

export interface PremiumBasis {
  period?: string;
  contractValueRp?: number;
  lines?: PremiumLine[];
}

export interface Project {
  id: number;
  projectNumber: string;
  name: string;
  ownerName: string;
  contractorNpp: string;
  contractorName: string;
  contractValueRp: number;
  startDate: string;
  endDate: string;
  regionCode: string;
  regionName: string;
  regencyCode: string;
  premiumRp: number;
  premiumBasis: unknown;
  status: string;
  createdAt: string;
  workers: number;
}

export interface ProjectWorker {
  kpj: string;
  nik: string;
  fullName: string;
  joinedOn: string;
  leftOn: string;
  status: string;
}

export interface ProjectInput {
  projectNumber: string;
  name: string;
  ownerName: string;
  contractorNpp: string;
  contractValueRp: number;
  startDate: string;
  endDate: string;
  regionCode: string;
}

export interface ProjectWorkerInput {
  nik: string;
  fullName?: string;
  birthDate?: string;
  sex?: 'L' | 'P';
}

export const PROJECTS_PAGE_SIZE = 50;

export function listProjects(offset: number): Promise<{ total: number; projects: Project[] }> {
  return apiRequest('GET', `/projects${queryString({ limit: PROJECTS_PAGE_SIZE, offset })}`);
}

export function getProject(number: string): Promise<{ project: Project; workers: ProjectWorker[] }> {
  return apiRequest('GET', `/projects/${encodeURIComponent(number)}`);
}

export async function registerProject(input: ProjectInput): Promise<Project> {
  return (await apiRequest<{ project: Project }>('POST', '/projects', input)).project;
}

export function addProjectWorkers(
  number: string,
  add: ProjectWorkerInput[],
): Promise<{ added: number; removed: number; unchanged: number }> {
  return apiRequest('POST', `/projects/${encodeURIComponent(number)}/workers`, { add, remove: [] });
}

/** The premium basis as stored (`unknown` in the schema): read defensively. */
export function premiumBasisOf(project: Project): PremiumBasis {
  const basis = project.premiumBasis;
  if (!basis || typeof basis !== 'object') return {};
  const b = basis as Record<string, unknown>;
  const lines = Array.isArray(b.lines)
    ? b.lines.filter((l): l is PremiumLine => typeof l === 'object' && l !== null)
    : undefined;
  return {
    period: typeof b.period === 'string' ? b.period : undefined,
    contractValueRp: typeof b.contractValueRp === 'number' ? b.contractValueRp : undefined,
    lines,
  };
}
