import { findAgreementInScope } from '../db/agreements.ts';
import { findBpuInScope } from '../db/bpu.ts';
import { findCardInScope } from '../db/cards.ts';
import { findClaimParticipant } from '../db/claim-participants.ts';
import { loadClaim } from '../db/claim-reads.ts';
import { type EmployerAccess, findEmployer } from '../db/employers.ts';
import { findBatchInScope as findEnrolmentBatchInScope } from '../db/enrolment-batches.ts';
import { findInvoiceInScope } from '../db/invoices.ts';
import { findParticipantInScope } from '../db/participant-accounts.ts';
import { findParticipantDetailInScope } from '../db/participant-detail.ts';
import { findPayerInScope, findPayment } from '../db/payments.ts';
import { findBatchInScope as findPayoutBatchInScope } from '../db/payout-batches.ts';
import { findCorrectionInScope } from '../db/person-corrections.ts';
import { findPlacementInScope } from '../db/pmi.ts';
import { findProject } from '../db/projects.ts';
import { findRegionInScope } from '../db/regions.ts';
import { findScopedRegion, regencyReach, type ScopedRegion } from '../db/scope.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type PersonalRecord, unmaskedFor } from '../privacy/unmask.ts';
import type { Actor, Permission } from './actor.ts';

// The one place a service asks whether the caller may act. Permissions are the union of the
// permission table (services/actor.ts), so a misspelt permission does not compile. Scope is
// asked through requireInScope: a record outside the caller's scope answers 404, never 403.

export type { Permission };

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

/** FORBIDDEN unless the actor's role holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/**
 * Whether the caller sees this record's NIK, name, birth date and sex in full (privacy/unmask.ts
 * holds the rule). A caller that does must audit the view (services/personal-data-views.ts).
 */
export function seesInFull(actor: Actor, record: PersonalRecord): boolean {
  return unmaskedFor(actor.role, actor.regionScopes, record);
}

/** Who sees an employer or project: its region is in scope, or the caller is that employer (NPP). */
export function employerAccess(actor: Actor): EmployerAccess {
  return {
    scopes: actor.regionScopes,
    npp: actor.scope.type === 'employer' ? actor.scope.code : null,
  };
}

/** Who touches a claim: officers within their regions, a participant only their own. */
export function claimAccess(actor: Actor) {
  return actor.role === 'participant'
    ? { scopes: null, participantId: actor.participantId ?? -1 }
    : { scopes: actor.regionScopes, participantId: null };
}

type Found<F extends (...a: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>>;

/** What requireInScope is asked about (the id it takes) and what it answers in scope. */
interface ScopeKinds {
  /** Any region, with its counts (REGION_NOT_FOUND). */
  region: { id: string; value: Found<typeof findRegionInScope> };
  /** A village (desa or kelurahan) (REGION_NOT_FOUND). */
  village: { id: string; value: ScopedRegion };
  /** A regency, kecamatan or village: a place a project can be (REGION_NOT_FOUND). */
  local_region: { id: string; value: ScopedRegion };
  /** A regency that lies wholly inside the scopes (REGION_NOT_FOUND). */
  regency: { id: string; value: { code: string; name: string } };
  /** A regency the caller sees wholly or in part (a kecamatan or village of it) (REGION_NOT_FOUND). */
  regency_part: { id: string; value: { code: string; name: string; whole: boolean } };
  participant: { id: number; value: Found<typeof findParticipantInScope> };
  /** A participant by KPJ, with the identity the participant page shows. */
  participant_page: { id: string; value: Found<typeof findParticipantDetailInScope> };
  /** A participant's card, by KPJ. */
  card: { id: string; value: Found<typeof findCardInScope> };
  enrolment_batch: { id: number; value: Found<typeof findEnrolmentBatchInScope> };
  payout_batch: { id: number; value: Found<typeof findPayoutBatchInScope> };
  invoice: { id: number; value: Found<typeof findInvoiceInScope> };
  payer: { id: number; value: Found<typeof findPayerInScope> };
  /** A payment and its payer (PAYMENT_NOT_FOUND). */
  payment: {
    id: number;
    value: { payment: Found<typeof findPayment>; payer: Found<typeof findPayerInScope> };
  };
  agreement: { id: number; value: Found<typeof findAgreementInScope> };
  /** An employer, by NPP. */
  employer: { id: string; value: Found<typeof findEmployer> };
  /** A migrant worker's (PMI) placement, by KPJ. */
  pmi_placement: { id: string; value: Found<typeof findPlacementInScope> };
  /** A self-paying informal worker's (BPU mandiri) registration, by KPJ or payment code. */
  bpu_registration: { id: string; value: Found<typeof findBpuInScope> };
  /** A construction project, by project number. */
  project: { id: string; value: Found<typeof findProject> };
  claim: { id: number; value: Found<typeof loadClaim> };
  /** A proposed correction of a person's data, by the village of the membership it names. */
  person_correction: { id: number; value: Found<typeof findCorrectionInScope> };
  /** The participant a claim is filed for, by KPJ or id: a participant may name only themself. */
  claim_participant: {
    id: { kpj?: string; participantId?: number };
    value: Found<typeof findClaimParticipant>;
  };
}

export type ScopeKind = keyof ScopeKinds;
type Target = { [K in ScopeKind]: { kind: K; id: ScopeKinds[K]['id'] } }[ScopeKind];

export interface ScopeOptions {
  /** Lock the row for the rest of the transaction (batches, employers, projects, claims). */
  lock?: boolean;
}

/**
 * The record if it lies inside the actor's scope; otherwise the kind's 404 (REGION_NOT_FOUND for
 * regions, PAYMENT_NOT_FOUND for payments, NOT_FOUND for the rest), never a 403.
 */
export async function requireInScope<K extends ScopeKind>(
  q: Queryable,
  actor: Actor,
  kind: K,
  id: ScopeKinds[K]['id'],
  opts: ScopeOptions = {},
): Promise<ScopeKinds[K]['value']> {
  const found = await lookUp(q, actor, { kind, id } as Target, opts.lock ?? false);
  if (found) return found as ScopeKinds[K]['value'];
  throw missing({ kind, id } as Target);
}

async function lookUp(q: Queryable, actor: Actor, t: Target, lock: boolean): Promise<unknown> {
  const scopes = actor.regionScopes;
  switch (t.kind) {
    case 'region':
      return findRegionInScope(q, t.id, scopes);
    case 'village': {
      const r = await findScopedRegion(q, t.id, scopes);
      return r?.level === 'village' ? r : null;
    }
    case 'local_region': {
      const r = await findScopedRegion(q, t.id, scopes);
      return r && r.level !== 'province' ? r : null;
    }
    case 'regency': {
      const r = await regencyReach(q, t.id, scopes);
      return r?.whole ? { code: t.id, name: r.name } : null;
    }
    case 'regency_part': {
      const r = await regencyReach(q, t.id, scopes);
      return r && (r.whole || r.below) ? { code: t.id, name: r.name, whole: r.whole } : null;
    }
    case 'participant':
      return findParticipantInScope(q, t.id, scopes);
    case 'participant_page':
      return findParticipantDetailInScope(q, t.id, scopes);
    case 'card':
      return findCardInScope(q, t.id, scopes);
    case 'enrolment_batch':
      return findEnrolmentBatchInScope(q, t.id, scopes, lock);
    case 'payout_batch':
      return findPayoutBatchInScope(q, t.id, scopes, lock);
    case 'invoice':
      return findInvoiceInScope(q, t.id, scopes);
    case 'payer':
      return findPayerInScope(q, t.id, scopes);
    case 'payment': {
      const payment = await findPayment(q, t.id);
      const payer = payment ? await findPayerInScope(q, payment.payerId, scopes) : null;
      return payment && payer ? { payment, payer } : null;
    }
    case 'agreement':
      return findAgreementInScope(q, t.id, scopes);
    case 'employer':
      return findEmployer(q, t.id, employerAccess(actor), lock);
    case 'project':
      return findProject(q, t.id, employerAccess(actor), lock);
    case 'pmi_placement':
      return findPlacementInScope(q, t.id, scopes);
    case 'bpu_registration':
      return findBpuInScope(q, t.id, scopes);
    case 'claim':
      return loadClaim(q, t.id, { ...claimAccess(actor), forUpdate: lock });
    case 'claim_participant':
      return claimParticipant(q, actor, t.id);
    case 'person_correction':
      return findCorrectionInScope(q, t.id, scopes, lock);
    default: {
      const never: never = t;
      throw new Error(`unknown scope kind ${JSON.stringify(never)}`);
    }
  }
}

function claimParticipant(q: Queryable, actor: Actor, id: { kpj?: string; participantId?: number }) {
  const self = actor.role === 'participant';
  if (
    self &&
    (actor.participantId === undefined || (id.participantId ?? actor.participantId) !== actor.participantId)
  )
    return null;
  return findClaimParticipant(q, {
    ...(id.kpj !== undefined ? { kpj: id.kpj } : {}),
    ...(self
      ? { participantId: actor.participantId }
      : id.participantId
        ? { participantId: id.participantId }
        : {}),
    scopes: self ? null : actor.regionScopes,
  });
}

function missing(t: Target): AppError {
  switch (t.kind) {
    case 'region':
    case 'village':
    case 'local_region':
    case 'regency':
    case 'regency_part':
      return new AppError('REGION_NOT_FOUND', { code: t.id });
    case 'payment':
      return new AppError('PAYMENT_NOT_FOUND');
    default:
      return new AppError('NOT_FOUND');
  }
}
