import type { Role } from '../../src/services/actor.ts';

// The endpoint × role allow/deny table, written by hand from the routes, the services and the
// permission table (src/services/actor.ts PERMISSIONS); access-table.test.ts checks it against
// the running system and fails when an operation of /api/openapi.json has no row here.
//
// 'allow': access granted (any answer but 401/403/404; a business 400/409/422 still proves it).
// 403: the role lacks the permission. 404: the record is outside the role's scope (house rule).
// Every request names records IN the caller's scope (test/support/access-fixture.ts), so a 404
// here means the role's scope can never reach that record, not that the test chose a far one.

export type Outcome = 'allow' | 403 | 404;
export type Expectation = 'public' | { permission: string; roles: Record<Role, Outcome> };

/** Every role denied 403 except those named. */
function only(permission: string, allowed: readonly Role[], notFound: readonly Role[] = []): Expectation {
  const roles = {
    admin: 403,
    auditor: 403,
    district_officer: 403,
    branch_officer: 403,
    branch_supervisor: 403,
    village_operator: 403,
    employer: 403,
    participant: 403,
  } as Record<Role, Outcome>;
  for (const r of allowed) roles[r] = 'allow';
  for (const r of notFound) roles[r] = 404;
  return { permission, roles };
}

const STAFF = ['admin', 'auditor', 'district_officer', 'branch_officer', 'branch_supervisor'] as const;
const EVERYONE = [...STAFF, 'village_operator', 'employer', 'participant'] as const;
/**
 * billing.read. DESIGN GAP (not a house-rule break): DESIGN.md "Who uses it" says the employer
 * "sees its invoices", but PERMISSIONS gives the employer no billing.read and invoices have no
 * employer payers yet, so every billing read answers the employer 403 today.
 */
const BILLING = [...STAFF, 'village_operator'] as const;
/** employers.read */
const EMPLOYER_READERS = [...STAFF, 'employer'] as const;
/**
 * claims.read, or a participant reading their own claim (claims.file). DESIGN GAP: DESIGN.md says
 * the village operator "sees ... claims"; PERMISSIONS gives it no claims.read, and
 * claims-http.test.ts pins the 403, so the table keeps 403 and the report raises it.
 */
const CLAIM_READERS = ['auditor', 'branch_officer', 'branch_supervisor', 'participant'] as const;
/** agreements.read */
const AGREEMENT_READERS = ['auditor', 'district_officer', 'branch_officer', 'branch_supervisor'] as const;
/** payouts.read */
const PAYOUT_READERS = ['auditor', 'branch_officer', 'branch_supervisor'] as const;
/** participants.read and a role that sees names (SEES_PERSONAL_DATA) */
const CARD_PRINTERS = ['branch_officer', 'branch_supervisor', 'village_operator'] as const;
/** reports.read */
const REPORT_READERS = [...STAFF, 'village_operator'] as const;
/**
 * Employers and participants read by their own keys: no region is in their scope. Both hold
 * regions.read, yet every region answers them 404 (consistent with the house rule; the
 * permission is dead for these roles).
 */
const OWN_KEYS = ['employer', 'participant'] as const;

export const ACCESS_TABLE: Record<string, Expectation> = {
  'GET /api/v1/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': only('(logged in)', EVERYONE),
  // The home page's to-dos: any of the queues' read permissions (billing.read covers every staff role).
  'GET /api/v1/home': only('billing.read | claims.read | payouts.read | enrolment batches', BILLING),
  'GET /api/v1/regions/{code}': only('regions.read', [...STAFF, 'village_operator'], OWN_KEYS),
  'POST /api/v1/users': only('users.manage', ['admin']),
  // Everyone may change their own password (the table's request offers a too-common new one: 400).
  'POST /api/v1/auth/password': only('(logged in)', EVERYONE),
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/users/{username}/password-reset': only('users.manage', ['admin']),
  'POST /api/v1/users/{username}/disable': only('users.manage', ['admin']),
  'POST /api/v1/users/{username}/enable': only('users.manage', ['admin']),
  'POST /api/v1/users/{username}/unlock': only('users.manage', ['admin']),
  'GET /api/v1/users/{username}/sessions': only('users.manage', ['admin']),
  'POST /api/v1/users/{username}/sessions/revoke': only('users.manage', ['admin']),
  'POST /api/v1/users/{username}/tokens': only('users.manage', ['admin']),
  'POST /api/v1/users/{username}/tokens/{id}/revoke': only('users.manage', ['admin']),
  'GET /api/v1/audit': only('audit.read', ['admin', 'auditor']),

  'GET /api/v1/enrolment/template.{format}': only('(logged in)', EVERYONE),
  'POST /api/v1/enrolment/uploads': only('enrolment.upload', ['district_officer', 'village_operator']),
  // enrolment.upload, .verify, .activate or audit.read
  'GET /api/v1/enrolment/batches': only('enrolment.*|audit.read', [
    'admin',
    'auditor',
    'district_officer',
    'branch_officer',
    'village_operator',
  ]),
  'GET /api/v1/enrolment/batches/{id}': only('enrolment.*|audit.read', [
    'admin',
    'auditor',
    'district_officer',
    'branch_officer',
    'village_operator',
  ]),
  // enrolment.upload and sees personal data
  'GET /api/v1/enrolment/batches/{id}/report.xlsx': only('enrolment.upload+personal data', [
    'village_operator',
  ]),
  'POST /api/v1/enrolment/batches/{id}/submit': only('enrolment.submit', ['village_operator']),
  // the rows of a draft batch, corrected or removed by whoever may upload into it (issue 15)
  'GET /api/v1/enrolment/batches/{id}/rows/{rowId}': only('enrolment.upload', [
    'district_officer',
    'village_operator',
  ]),
  'PUT /api/v1/enrolment/batches/{id}/rows/{rowId}': only('enrolment.upload', [
    'district_officer',
    'village_operator',
  ]),
  'DELETE /api/v1/enrolment/batches/{id}/rows/{rowId}': only('enrolment.upload', [
    'district_officer',
    'village_operator',
  ]),

  'GET /api/v1/enrolment/batches/{id}/budget-check': only('enrolment.verify|billing.read', BILLING),
  'POST /api/v1/enrolment/batches/{id}/verify': only('enrolment.verify', ['district_officer']),
  'POST /api/v1/enrolment/batches/{id}/activate': only('enrolment.activate', ['branch_officer']),
  'POST /api/v1/enrolment/batches/{id}/reject': only('enrolment.verify|enrolment.activate', [
    'district_officer',
    'branch_officer',
  ]),
  // The regency's rules: a village operator's scope is below the regency.
  'GET /api/v1/enrolment-policies/{regency}': only('(logged in)', STAFF, ['village_operator', ...OWN_KEYS]),
  'PUT /api/v1/enrolment-policies/{regency}': only('enrolment.verify', ['district_officer']),
  'GET /api/v1/participants': only('participants.read', [...STAFF, 'village_operator']),
  'GET /api/v1/participants/{kpj}': only('participants.read', [...STAFF, 'village_operator']),
  // Corrections of a person's data (issue 12): village operator or branch staff propose, a branch
  // supervisor decides; the auditor and the admin read the queue (values masked).
  'GET /api/v1/person-corrections': only('persons.correct|persons.correct.decide|audit.read', [
    'admin',
    'auditor',
    'branch_officer',
    'branch_supervisor',
    'village_operator',
  ]),
  'POST /api/v1/person-corrections': only('persons.correct', [
    'branch_officer',
    'branch_supervisor',
    'village_operator',
  ]),
  'POST /api/v1/person-corrections/{id}/decision': only('persons.correct.decide', ['branch_supervisor']),
  'GET /api/v1/membership-changes': only('participants.read', [...STAFF, 'village_operator']),
  'POST /api/v1/membership-changes': only('membership.propose', ['village_operator']),
  'POST /api/v1/membership-changes/{id}/verify': only('membership.verify', ['district_officer']),
  'POST /api/v1/membership-changes/{id}/apply': only('membership.apply', ['branch_officer']),
  'POST /api/v1/membership-changes/{id}/reject': only('membership.verify|membership.apply', [
    'district_officer',
    'branch_officer',
  ]),
  'GET /api/v1/membership-conflicts': only('membership.review', ['branch_officer', 'branch_supervisor']),

  'POST /api/v1/calculations/contribution': 'public',
  'POST /api/v1/calculations/benefit': 'public',

  'POST /api/v1/employers': only('employers.manage', ['branch_officer']),
  'GET /api/v1/employers': only('employers.read', EMPLOYER_READERS),
  'GET /api/v1/employers/{npp}': only('employers.read', EMPLOYER_READERS),
  'POST /api/v1/employers/{npp}/employees': only('employees.manage', ['branch_officer', 'employer']),
  'POST /api/v1/employers/{npp}/wage-reports': only('employees.manage', ['branch_officer', 'employer']),
  'GET /api/v1/employers/{npp}/work-units': only('employers.read', EMPLOYER_READERS),
  'POST /api/v1/employers/{npp}/work-units': only('employees.manage', ['branch_officer', 'employer']),
  'GET /api/v1/business-types': only('(logged in)', EVERYONE),
  'PUT /api/v1/business-types/{code}': only('business_types.manage', ['admin']),
  'POST /api/v1/projects': only('employers.manage', ['branch_officer']),
  'GET /api/v1/projects': only('employers.read', EMPLOYER_READERS),
  'GET /api/v1/projects/{number}': only('employers.read', EMPLOYER_READERS),
  'POST /api/v1/projects/{number}/workers': only('employees.manage', ['branch_officer', 'employer']),
  'POST /api/v1/projects/{number}/contract': only('employers.manage', ['branch_officer']),

  'POST /api/v1/pmi': only('pmi.register', ['branch_officer']),
  'GET /api/v1/pmi': only('participants.read', [...STAFF, 'village_operator']),
  'GET /api/v1/pmi/{kpj}': only('participants.read', [...STAFF, 'village_operator']),

  'POST /api/v1/bpu': only('bpu.register', ['branch_officer', 'village_operator']),
  'POST /api/v1/bpu/files': only('bpu.register', ['branch_officer', 'village_operator']),
  'POST /api/v1/bpu/payments': only('bpu.pay', ['branch_officer', 'village_operator']),
  'GET /api/v1/bpu': only('participants.read', [...STAFF, 'village_operator']),
  'GET /api/v1/bpu/{key}': only('participants.read', [...STAFF, 'village_operator']),

  'POST /api/v1/billing/runs': only('billing.run', ['branch_officer']),
  'GET /api/v1/invoices': only('billing.read', BILLING),
  'GET /api/v1/invoices/{id}': only('billing.read', BILLING),
  'GET /api/v1/payers': only('billing.read', BILLING),
  'POST /api/v1/payments': only('payments.post', ['branch_officer']),
  'POST /api/v1/payments/{id}/reverse': only('payments.reverse', ['branch_supervisor']),
  'POST /api/v1/agreements': only('agreements.manage', ['district_officer']),
  'GET /api/v1/agreements': only('agreements.read', AGREEMENT_READERS),
  'GET /api/v1/agreements/{id}': only('agreements.read', AGREEMENT_READERS),
  'POST /api/v1/agreements/{id}/allocations': only('agreements.manage', ['district_officer']),
  'POST /api/v1/budget-renewals': only('agreements.manage', ['district_officer']),
  'GET /api/v1/budget-use': only('billing.read', BILLING),
  'GET /api/v1/arrears': only('billing.read', BILLING),
  'POST /api/v1/coverage/update': only('coverage.update', ['branch_officer', 'branch_supervisor']),
  'GET /api/v1/regencies/{code}/closed-periods': only('billing.read', BILLING),
  'POST /api/v1/regencies/{code}/closed-periods': only('periods.close', ['branch_supervisor']),
  'GET /api/v1/invoices/{id}/invoice.pdf': only('billing.read', BILLING),
  'GET /api/v1/invoices.csv': only('billing.read', BILLING),
  'GET /api/v1/payers.csv': only('billing.read', BILLING),
  'GET /api/v1/invoices/{id}/lines.csv': only('billing.read', BILLING),
  'GET /api/v1/invoices.xlsx': only('billing.read', BILLING),
  'GET /api/v1/payers.xlsx': only('billing.read', BILLING),
  'GET /api/v1/invoices/{id}/lines.xlsx': only('billing.read', BILLING),

  'GET /api/v1/participants/{kpj}/card.pdf': only('participants.read+personal data', CARD_PRINTERS),
  'GET /api/v1/villages/{code}/cards.pdf': only('participants.read+personal data', CARD_PRINTERS),

  'GET /api/v1/claim-reasons': only('(logged in)', EVERYONE),
  'GET /api/v1/claim-kinds': only('(logged in)', EVERYONE),
  'GET /api/v1/catalogs/claims': only('(logged in)', EVERYONE),
  'GET /api/v1/catalogs/membership': only('(logged in)', EVERYONE),
  'POST /api/v1/claims': only('claims.file', ['branch_officer', 'participant']),
  'GET /api/v1/claims': only('claims.read|own', CLAIM_READERS),
  // Intake's lookup by NIK, KPJ or name: the staff who file claims (a participant files their own).
  'GET /api/v1/claim-intake': only('claims.file (staff)', ['branch_officer']),
  'GET /api/v1/claims/{id}': only('claims.read|own', CLAIM_READERS),
  'POST /api/v1/claims/{id}/documents': only('claims.file', ['branch_officer', 'participant']),
  'GET /api/v1/claims/{id}/documents/{docId}': only('claims.read|own', CLAIM_READERS),
  // The maker's step: a participant files but does not submit.
  'POST /api/v1/claims/{id}/submit': only('claims.file (staff)', ['branch_officer']),
  'POST /api/v1/claims/{id}/decision': only('claims.decide', ['branch_supervisor']),
  'POST /api/v1/claims/{id}/appeal': only('claims.file', ['branch_officer', 'participant']),

  'POST /api/v1/payout-batches': only('payouts.manage', ['branch_officer']),
  'GET /api/v1/payout-batches': only('payouts.read', PAYOUT_READERS),
  'GET /api/v1/payout-batches/{id}': only('payouts.read', PAYOUT_READERS),
  'POST /api/v1/payout-batches/{id}/approve': only('payouts.approve', ['branch_supervisor']),
  'GET /api/v1/payout-batches/{id}/export': only('payouts.manage', ['branch_officer']),
  'POST /api/v1/payout-batches/{id}/sent': only('payouts.manage', ['branch_officer']),
  'POST /api/v1/payout-batches/{id}/result': only('payouts.manage', ['branch_officer']),

  'GET /api/v1/participants/{id}/jht': only('jht.read', PAYOUT_READERS),
  'POST /api/v1/participants/{id}/jht/opening': only('jht.manage', ['branch_officer', 'branch_supervisor']),
  'GET /api/v1/jht/return-rates': only('jht.read|jht.rates.manage', [
    'admin',
    'auditor',
    'branch_officer',
    'branch_supervisor',
  ]),
  // A national parameter: a branch supervisor holds it only at the head office (HEAD_OFFICE_PERMISSIONS);
  // the table's supervisor is at a branch (KC-ATAMBUA).
  'PUT /api/v1/jht/return-rates/{year}': only('jht.rates.manage', ['admin']),
  'POST /api/v1/jht/contributions/credit': only('jht.manage', ['branch_officer', 'branch_supervisor']),
  'POST /api/v1/jht/returns/apply': only('jht.manage', ['branch_officer', 'branch_supervisor']),

  // Claims and payouts are about the whole regency: a village operator's scope is below it.
  'GET /api/v1/reports/branch': only('reports.read', STAFF, ['village_operator']),
  // The district dashboard limited to the operator's own village.
  'GET /api/v1/dashboards/district': only('reports.read', REPORT_READERS),
  'GET /api/v1/dashboards/branch': only('reports.read', STAFF, ['village_operator']),
  'GET /api/v1/workforce': only('reports.read', REPORT_READERS),
  // The nation lies outside every regional scope. On the embedded database the admin's answer is
  // NATIONAL_POSTGRES_ONLY (400), which still proves access.
  'GET /api/v1/national/summary': only(
    'reports.read',
    ['admin'],
    ['auditor', 'district_officer', 'branch_officer', 'branch_supervisor', 'village_operator'],
  ),
  'PUT /api/v1/workforce': only('workforce.manage', ['admin', 'district_officer']),

  'POST /api/v1/auth/activate': 'public',
  'POST /api/v1/participants/{id}/activation-code': only('participants.activation_code', ['branch_officer']),
  'POST /api/v1/participants/{id}/activation-letter': only('participants.activation_code+personal data', [
    'branch_officer',
  ]),
  'GET /api/v1/me/membership': only('self_service.read', ['participant']),
  'GET /api/v1/me/card.pdf': only('self_service.read', ['participant']),
  'GET /api/v1/me/coverage': only('self_service.read', ['participant']),
  'GET /api/v1/me/contributions': only('self_service.read', ['participant']),
  'GET /api/v1/me/jht': only('self_service.read', ['participant']),
  'GET /api/v1/me/claims': only('self_service.read', ['participant']),
  'GET /api/v1/me/claims/{id}': only('self_service.read', ['participant']),
  'GET /api/v1/public/verify/{kpj}': 'public',
  'GET /api/v1/system/public-url': only('users.manage', ['admin']),
};
