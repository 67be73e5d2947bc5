import { type Answer, api, type Body, call, queryString, type Schema, uploadRaw } from './client.ts';
import { keysetPage } from './keyset.ts';

// Employers, their workers and wage reports; construction projects (JAKON).
// src/http/routes/employers.ts, projects.ts and employer-schemas.ts.

export type Employer = Schema<'Employer'>;
export type EmployerScale = Employer['scale'];
export type Employment = Schema<'Employment'>;
export type WorkUnit = Schema<'WorkUnit'>;
export type WageImportResult = Schema<'WageImportResult'>;
export type Project = Schema<'ConstructionProject'>;
export type ProjectWorker = Schema<'ProjectWorker'>;
export type ProjectInvoice = Schema<'ProjectInvoice'>;
export type ProjectChange = Schema<'ProjectChange'>;

export const EMPLOYERS_PAGE_SIZE = 50;

const byNpp = (npp: string) => ({ params: { path: { npp } } });
const byNumber = (number: string) => ({ params: { path: { number } } });

/** One page of employers; `cursor` is the previous page's nextCursor (null: the first page). */
export function listEmployers(search: string, cursor: string | null) {
  return keysetPage('/api/v1/employers', EMPLOYERS_PAGE_SIZE, cursor, { search: search.trim() });
}

export async function getEmployer(npp: string) {
  return (await call(api.GET('/api/v1/employers/{npp}', byNpp(npp)))).employer;
}

export async function registerEmployer(input: Body<'/api/v1/employers'>) {
  return (await call(api.POST('/api/v1/employers', { body: input }))).employer;
}

export async function registerEmployee(npp: string, input: Body<'/api/v1/employers/{npp}/employees'>) {
  return call(api.POST('/api/v1/employers/{npp}/employees', { ...byNpp(npp), body: input }));
}

/** Work units (OPD) of a government employer, where its Non-ASN workers serve. */
export async function listWorkUnits(npp: string) {
  return (await call(api.GET('/api/v1/employers/{npp}/work-units', byNpp(npp)))).workUnits;
}

export async function registerWorkUnit(npp: string, input: Body<'/api/v1/employers/{npp}/work-units'>) {
  return (await call(api.POST('/api/v1/employers/{npp}/work-units', { ...byNpp(npp), body: input })))
    .workUnit;
}

export async function listBusinessTypes() {
  return (await call(api.GET('/api/v1/business-types'))).businessTypes;
}

export function uploadWageReport(npp: string, period: string, file: File, onProgress: (f: number) => void) {
  return uploadRaw<Answer<'/api/v1/employers/{npp}/wage-reports', 'post'>>(
    `/api/v1/employers/${encodeURIComponent(npp)}/wage-reports${queryString({ period, dryRun: false })}`,
    file,
    onProgress,
  );
}

// ---- Construction projects ---------------------------------------------------------------

export const PROJECTS_PAGE_SIZE = 50;

export function listProjects(cursor: string | null) {
  return keysetPage('/api/v1/projects', PROJECTS_PAGE_SIZE, cursor, {});
}

export function getProject(number: string) {
  return call(api.GET('/api/v1/projects/{number}', byNumber(number)));
}

export async function registerProject(input: Body<'/api/v1/projects'>) {
  return (await call(api.POST('/api/v1/projects', { body: input }))).project;
}

export function changeProjectContract(number: string, body: Body<'/api/v1/projects/{number}/contract'>) {
  return call(api.POST('/api/v1/projects/{number}/contract', { ...byNumber(number), body }));
}

export function addProjectWorkers(number: string, add: Body<'/api/v1/projects/{number}/workers'>['add']) {
  return call(
    api.POST('/api/v1/projects/{number}/workers', { ...byNumber(number), body: { add, remove: [] } }),
  );
}
