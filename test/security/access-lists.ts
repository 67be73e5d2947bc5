import type { Role } from '../../src/services/actor.ts';
import { type AccessFixture, EMPLOYER_NPP, FULUR, KEWAR } from '../support/access-fixture.ts';

// Lists cannot answer 404: their scope check is what they leave out. For each list a role may
// read, the record just outside that role's scope must not be in the answer (and the list must
// not be empty, or leaving it out proves nothing).

export interface ListCase {
  op: string;
  url: string;
  roles: readonly Role[];
  /** What lies outside the caller's scope. */
  outside: string;
  /** The items of the answer, as comparable keys. */
  items: (body: Record<string, unknown>) => unknown[];
  /** The key of the record outside the caller's scope. */
  key: (f: AccessFixture) => unknown;
  /** The key of a record inside it, which the list must show (a control on items and key). */
  inside: (f: AccessFixture) => unknown;
}

const BELU_STAFF = ['auditor', 'district_officer', 'branch_officer', 'branch_supervisor'] as const;
type Rows = Record<string, unknown>[];
const ids = (field: string, prop: string) => (b: Record<string, unknown>) =>
  (b[field] as Rows).map((r) => r[prop]);

export const LIST_CASES: ListCase[] = [
  {
    op: 'GET /api/v1/invoices',
    url: '/api/v1/invoices?limit=500',
    roles: ['village_operator'],
    outside: 'the Fulur invoice',
    items: ids('invoices', 'id'),
    key: (f) => f.outside.fulur.invoiceId,
    inside: (f) => f.invoiceId,
  },
  {
    op: 'GET /api/v1/invoices',
    url: '/api/v1/invoices?limit=500',
    roles: BELU_STAFF,
    outside: 'the Alor invoice',
    items: ids('invoices', 'id'),
    key: (f) => f.outside.alor.invoiceId,
    inside: (f) => f.invoiceId,
  },
  {
    op: 'GET /api/v1/payers',
    url: '/api/v1/payers',
    roles: BELU_STAFF,
    outside: 'the Alor payer',
    items: ids('payers', 'id'),
    key: (f) => f.outside.alor.payerId,
    inside: (f) => f.payerId,
  },
  {
    op: 'GET /api/v1/enrolment/batches',
    url: '/api/v1/enrolment/batches',
    roles: ['village_operator'],
    outside: 'the Fulur batch',
    items: ids('batches', 'id'),
    key: (f) => f.outside.fulur.batchId,
    inside: (f) => f.batches.activated,
  },
  {
    op: 'GET /api/v1/enrolment/batches',
    url: '/api/v1/enrolment/batches',
    roles: ['auditor', 'district_officer', 'branch_officer'],
    outside: 'the Alor batch',
    items: ids('batches', 'id'),
    key: (f) => f.outside.alor.batchId,
    inside: (f) => f.batches.activated,
  },
  {
    op: 'GET /api/v1/participants',
    url: '/api/v1/participants?limit=500',
    roles: ['village_operator'],
    outside: 'a Fulur participant',
    items: ids('participants', 'kpj'),
    key: (f) => f.outside.fulur.kpj,
    inside: (f) => f.self.kpj,
  },
  {
    op: 'GET /api/v1/participants',
    url: '/api/v1/participants?limit=500',
    roles: BELU_STAFF,
    outside: 'an Alor participant',
    items: ids('participants', 'kpj'),
    key: (f) => f.outside.alor.kpj,
    inside: (f) => f.self.kpj,
  },
  {
    op: 'GET /api/v1/employers',
    url: '/api/v1/employers',
    roles: ['employer'],
    outside: 'another employer',
    items: ids('employers', 'npp'),
    key: (f) => f.outside.employer.npp,
    inside: (_f) => EMPLOYER_NPP,
  },
  {
    op: 'GET /api/v1/projects',
    url: '/api/v1/projects',
    roles: ['employer'],
    outside: 'another employer’s project',
    items: ids('projects', 'projectNumber'),
    key: (f) => f.outside.employer.project,
    inside: (f) => f.project,
  },
  {
    op: 'GET /api/v1/claims',
    url: '/api/v1/claims?limit=500',
    roles: ['participant'],
    outside: 'another participant’s claim',
    items: ids('claims', 'id'),
    key: (f) => f.outside.claim.id,
    inside: (f) => f.claims.filed,
  },
  {
    op: 'GET /api/v1/me/claims',
    url: '/api/v1/me/claims',
    roles: ['participant'],
    outside: 'another participant’s claim',
    items: ids('claims', 'id'),
    key: (f) => f.outside.claim.id,
    inside: (f) => f.claims.filed,
  },
  {
    // "A village sees itself": the operator's dashboard of its regency shows its village only.
    op: 'GET /api/v1/dashboards/district',
    url: '/api/v1/dashboards/district?regency=53.04&asOf=2026-12-01',
    roles: ['village_operator'],
    outside: 'Desa Fulur',
    items: ids('areas', 'code'),
    key: () => FULUR,
    inside: () => KEWAR,
  },
];
