// Runs the claim rule table in test/cases/klaim.yaml against src/rules/klaim, exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Explainer } from '../../src/rules/explanation.ts';
import { ahliWarisLebihDahulu, type HubunganPengaju } from '../../src/rules/klaim/ahli-waris.ts';
import { batasLayanan } from '../../src/rules/klaim/batas-layanan.ts';
import { jenisKlaim, type ProgramKlaim } from '../../src/rules/klaim/jenis.ts';
import { type KonteksKlaim, periksaKelayakan } from '../../src/rules/klaim/kelayakan.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { errorCode } from '../support/error-code.ts';

interface ClaimCase {
  name: string;
  source: string;
  rule: 'kelayakan' | 'ahliWaris' | 'batasLayanan';
  expected?: unknown;
  error?: string;
  [key: string]: unknown;
}

const table = parse(readFileSync(new URL('../cases/klaim.yaml', import.meta.url), 'utf8')) as {
  kind: string;
  defaults: Pick<KonteksKlaim, 'participant' | 'ranges'>;
  cases: ClaimCase[];
};

function kelayakan(c: ClaimCase) {
  const claim = c.claim as {
    program: ProgramKlaim;
    kind: string;
    eventDate: string;
    eventDetail?: Record<string, unknown>;
    claimantRelation: HubunganPengaju;
    heirs?: HubunganPengaju[];
  };
  const ctx: KonteksKlaim = {
    participant: (c.participant as KonteksKlaim['participant']) ?? table.defaults.participant,
    ranges: (c.ranges as KonteksKlaim['ranges']) ?? table.defaults.ranges,
    endedBy: (c.endedBy as KonteksKlaim['endedBy']) ?? null,
    earlierClaims: (c.earlierClaims as KonteksKlaim['earlierClaims']) ?? [],
    employment: (c.employment as KonteksKlaim['employment']) ?? null,
    today: String(c.today),
  };
  return periksaKelayakan(ruleBook().book, ctx, {
    ...claim,
    eventDetail: claim.eventDetail ?? {},
    jenis: jenisKlaim(claim.program, claim.kind),
  });
}

describe('klaim.yaml', () => {
  it('is a claim table whose cases all cite a source', () => {
    expect(table.kind).toBe('claim');
    expect(table.cases.length).toBeGreaterThan(20);
    for (const c of table.cases) expect(c.source, c.name).toMatch(/\S/);
  });
  for (const c of table.cases) {
    it(c.name, () => {
      if (c.rule === 'ahliWaris') {
        const got = ahliWarisLebihDahulu(c.claimant as HubunganPengaju, c.heirs as HubunganPengaju[]);
        return expect(got).toEqual(c.expected);
      }
      if (c.rule === 'batasLayanan') {
        const run = () =>
          batasLayanan(new Explainer(ruleBook().book), c.program as ProgramKlaim, String(c.date));
        return c.error ? expect(errorCode(run)).toBe(c.error) : expect(run()).toBe(c.expected);
      }
      const got = kelayakan(c);
      if (c.expected === null) return expect(got).toBeNull();
      expect(got).toMatchObject(c.expected as object);
    });
  }
});
