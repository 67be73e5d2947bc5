import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.ts';
import { requireInScope, type ScopeKind } from '../../src/services/access.ts';
import type { Actor } from '../../src/services/actor.ts';
import {
  type AccessFixture,
  ALOR,
  accessFixture,
  BELU,
  EMPLOYER_NPP,
  FULUR,
  KEWAR,
  LENDOLA,
} from '../support/access-fixture.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

// requireInScope itself, kind by kind: a record inside the caller's scope answers the row (or
// code) the services use; one just outside answers the kind's own 404 code, never FORBIDDEN.
// The table is keyed by ScopeKind, so a new kind without a case here does not compile.

type Who = 'district' | 'kewar' | 'fulur' | 'admin' | 'employer' | 'participant';

interface Case {
  who: Who;
  /** An id inside the caller's scope, and what the answer must hold. */
  inside: (f: AccessFixture) => unknown;
  holds: (value: never, f: AccessFixture) => void;
  /** Ids the caller must not reach, and the exact code it gets. */
  outside: (f: AccessFixture) => { who?: Who; id: unknown }[];
  code: 'REGION_NOT_FOUND' | 'NOT_FOUND' | 'PAYMENT_NOT_FOUND';
}

const CASES: Record<ScopeKind, Case> = {
  region: {
    who: 'district',
    inside: () => KEWAR,
    holds: (r: { code: string; counts: object }) => {
      expect(r.code).toBe(KEWAR);
      expect(r.counts).toBeDefined();
    },
    outside: () => [{ id: LENDOLA }, { id: '99.99' }],
    code: 'REGION_NOT_FOUND',
  },
  village: {
    who: 'kewar',
    inside: () => KEWAR,
    holds: (r: { level: string; name: string }) => {
      expect(r.level).toBe('village');
      expect(r.name).toBe('Kewar');
    },
    // Fulur is another operator's; Belu is in the district's scope but is no village.
    outside: () => [{ id: FULUR }, { who: 'district', id: BELU }],
    code: 'REGION_NOT_FOUND',
  },
  local_region: {
    who: 'district',
    inside: () => BELU,
    holds: (r: { level: string }) => expect(r.level).toBe('regency'),
    // A province is no place for a project, even for the admin who sees everything.
    outside: () => [{ id: LENDOLA }, { who: 'admin', id: '53' }],
    code: 'REGION_NOT_FOUND',
  },
  regency: {
    who: 'district',
    inside: () => BELU,
    holds: (r: { code: string; name: string }) => {
      expect(r.code).toBe(BELU);
      expect(r.name).toMatch(/belu/i);
    },
    // The Kewar operator sees only part of Belu.
    outside: () => [{ id: ALOR }, { who: 'kewar', id: BELU }, { id: KEWAR }],
    code: 'REGION_NOT_FOUND',
  },
  regency_part: {
    who: 'kewar',
    inside: () => BELU,
    holds: (r: { whole: boolean }) => expect(r.whole).toBe(false),
    outside: () => [{ id: ALOR }, { id: KEWAR }],
    code: 'REGION_NOT_FOUND',
  },
  participant: {
    who: 'kewar',
    inside: (f) => f.self.id,
    holds: (p: { kpj: string; regencyCode: string }, f) => {
      expect(p.kpj).toBe(f.self.kpj);
      expect(p.regencyCode).toBe(BELU);
    },
    outside: (f) => [{ id: f.outside.alor.participantId }, { who: 'fulur', id: f.self.id }],
    code: 'NOT_FOUND',
  },
  participant_page: {
    who: 'kewar',
    inside: (f) => f.self.kpj,
    holds: (p: { id: number; kpj: string; regionCode: string }, f) => {
      expect(p.id).toBe(f.self.id);
      expect(p.regionCode).toBe(KEWAR);
    },
    outside: (f) => [
      { id: f.outside.fulur.kpj },
      { id: f.outside.alor.kpj },
      { who: 'fulur', id: f.self.kpj },
    ],
    code: 'NOT_FOUND',
  },
  card: {
    who: 'kewar',
    inside: (f) => f.self.kpj,
    holds: (c: { kpj: string }, f) => expect(c.kpj).toBe(f.self.kpj),
    outside: (f) => [{ id: f.outside.fulur.kpj }, { id: f.outside.alor.kpj }],
    code: 'NOT_FOUND',
  },
  enrolment_batch: {
    who: 'kewar',
    inside: (f) => f.batches.draft,
    holds: (b: { id: number }, f) => expect(b.id).toBe(f.batches.draft),
    outside: (f) => [{ id: f.outside.fulur.batchId }, { who: 'district', id: f.outside.alor.batchId }],
    code: 'NOT_FOUND',
  },
  payout_batch: {
    who: 'district',
    inside: (f) => f.payoutBatches.draft,
    holds: (b: { id: number; regencyCode: string }, f) => {
      expect(b.id).toBe(f.payoutBatches.draft);
      expect(b.regencyCode).toBe(BELU);
    },
    // A payout batch is the regency's: a village operator does not reach it.
    outside: (f) => [{ who: 'kewar', id: f.payoutBatches.draft }, { id: 999_999 }],
    code: 'NOT_FOUND',
  },
  invoice: {
    who: 'kewar',
    inside: (f) => f.invoiceId,
    holds: (i: { id: number }, f) => expect(i.id).toBe(f.invoiceId),
    outside: (f) => [{ id: f.outside.fulur.invoiceId }, { who: 'district', id: f.outside.alor.invoiceId }],
    code: 'NOT_FOUND',
  },
  payer: {
    who: 'district',
    inside: (f) => f.payerId,
    holds: (p: { id: number; regionCode: string }, f) => {
      expect(p.id).toBe(f.payerId);
      expect(p.regionCode).toBe(KEWAR);
    },
    outside: (f) => [{ id: f.outside.alor.payerId }, { who: 'fulur', id: f.payerId }],
    code: 'NOT_FOUND',
  },
  payment: {
    who: 'kewar',
    inside: (f) => f.paymentId,
    holds: (v: { payment: { id: number }; payer: { id: number } }, f) => {
      expect(v.payment.id).toBe(f.paymentId);
      expect(v.payer.id).toBe(f.payerId);
    },
    outside: (f) => [{ who: 'fulur', id: f.paymentId }, { id: 999_999 }],
    code: 'PAYMENT_NOT_FOUND',
  },
  agreement: {
    who: 'district',
    inside: (f) => f.agreementId,
    holds: (a: { id: number; regencyCode: string }, f) => {
      expect(a.id).toBe(f.agreementId);
      expect(a.regencyCode).toBe(BELU);
    },
    outside: (f) => [{ who: 'kewar', id: f.agreementId }, { id: 999_999 }],
    code: 'NOT_FOUND',
  },
  employer: {
    who: 'employer',
    inside: () => EMPLOYER_NPP,
    holds: (e: { npp: string }) => expect(e.npp).toBe(EMPLOYER_NPP),
    outside: (f) => [{ id: f.outside.employer.npp }],
    code: 'NOT_FOUND',
  },
  project: {
    who: 'employer',
    inside: (f) => f.project,
    holds: (p: { projectNumber: string }, f) => expect(p.projectNumber).toBe(f.project),
    outside: (f) => [{ id: f.outside.employer.project }, { who: 'fulur', id: f.project }],
    code: 'NOT_FOUND',
  },
  pmi_placement: {
    who: 'kewar',
    inside: (f) => f.pmi,
    holds: (p: { kpj: string; kind: string }, f) =>
      expect(p).toMatchObject({ kpj: f.pmi, kind: 'perseorangan' }),
    // Fulur's operator does not reach a Kewar worker; a KPJ that is no PMI is no placement.
    outside: (f) => [{ who: 'fulur', id: f.pmi }, { id: f.kpjs[0] }],
    code: 'NOT_FOUND',
  },
  bpu_registration: {
    who: 'kewar',
    inside: (f) => f.bpu.paymentCode,
    holds: (r: { kpj: string; collection: string }, f) =>
      expect(r).toMatchObject({ kpj: f.bpu.kpj, collection: 'personal' }),
    // Fulur's operator does not reach a Kewar worker; a KPJ that is no BPU mandiri is no registration.
    outside: (f) => [{ who: 'fulur', id: f.bpu.kpj }, { id: f.kpjs[0] }],
    code: 'NOT_FOUND',
  },
  claim: {
    who: 'participant',
    inside: (f) => f.claims.filed,
    holds: (c: { id: number }, f) => expect(c.id).toBe(f.claims.filed),
    // A participant reaches only their own claims; an operator only claims of their village.
    outside: (f) => [{ id: f.outside.claim.id }, { who: 'fulur', id: f.claims.filed }],
    code: 'NOT_FOUND',
  },
  person_correction: {
    who: 'kewar',
    inside: (f) => f.correctionId,
    holds: (c: { id: number; status: string }, f) => {
      expect(c.id).toBe(f.correctionId);
      expect(c.status).toBe('pending');
    },
    // Fulur's operator does not reach a Kewar member's correction; no one reaches one that is not.
    outside: (f) => [{ who: 'fulur', id: f.correctionId }, { id: 999_999 }],
    code: 'NOT_FOUND',
  },
  claim_participant: {
    who: 'kewar',
    inside: (f) => ({ kpj: f.kpjs[1] }),
    holds: (p: { kpj: string; officeCode: string | null }, f) => {
      expect(p.kpj).toBe(f.kpjs[1]);
      expect(p.officeCode).not.toBeNull();
    },
    // A participant files only for themself, by id or by KPJ.
    outside: (f) => [
      { id: { kpj: f.outside.fulur.kpj } },
      { who: 'participant', id: { participantId: f.participantIds[1] } },
      { who: 'participant', id: { kpj: f.kpjs[1] } },
    ],
    code: 'NOT_FOUND',
  },
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe('requireInScope', () => {
  let t: TestDb;
  let f: AccessFixture;
  const actors = {} as Record<Who, Actor>;

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    f = await accessFixture(p.deps);
    const logins: Record<Who, string> = {
      district: 'dinas.belu',
      kewar: 'desa.kewar',
      fulur: 'desa.fulur',
      admin: 'admin',
      employer: 'pt.maju',
      participant: f.self.kpj,
    };
    for (const [who, username] of Object.entries(logins))
      actors[who as Who] = await demoActor(f.deps, username);
  });
  afterAll(async () => {
    await f?.app.close();
    await t?.drop();
  });

  // The case table pairs each kind with its id; the cast only spares repeating it per kind.
  const ask = (who: Who, kind: ScopeKind, id: unknown) =>
    requireInScope(f.deps.db, actors[who], kind, id as never);

  for (const [kind, c] of Object.entries(CASES) as [ScopeKind, Case][]) {
    it(`${kind}: in scope answers the record; out of scope answers ${c.code}`, async () => {
      c.holds((await ask(c.who, kind, c.inside(f))) as never, f);
      for (const o of c.outside(f)) {
        expect(await codeOf(ask(o.who ?? c.who, kind, o.id)), `${o.who ?? c.who} → ${String(o.id)}`).toBe(
          c.code,
        );
      }
    });
  }

  it('locks the row inside a transaction and answers the same', async () => {
    const batch = await f.deps.db.transaction((tx) =>
      requireInScope(tx, actors.kewar, 'enrolment_batch', f.batches.draft, { lock: true }),
    );
    expect(batch.id).toBe(f.batches.draft);
    const code = await codeOf(
      f.deps.db.transaction((tx) =>
        requireInScope(tx, actors.fulur, 'claim', f.claims.filed, { lock: true }),
      ),
    );
    expect(code).toBe('NOT_FOUND');
  });
});
