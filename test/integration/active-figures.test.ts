// One definition of "active on a date" (issue 15 point 6): the district headline, the trend's last
// month, the UCJ card and the branch report give the same figure for the same day, and that figure
// counts the participants registered at regency level — the Non-ASN staff of a government
// employer, whom the headline once left out by summing the kecamatan rows (60,991 against 64,139).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { branchReport } from '../../src/services/reports/branch-report.ts';
import { districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { setWorkforce } from '../../src/services/reports/workforce.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';
import { enrolEverySegment } from '../support/report-fixtures.ts';

const AS_OF = '2026-12-20';
const NON_ASN = 3;

/** Ground truth, apart from the count tables: participants whose latest status by asOf is active. */
async function activeFromHistory(deps: Deps, asOf: string): Promise<number> {
  const r = await deps.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM participant pa
     CROSS JOIN LATERAL (SELECT s.status FROM participant_status s
                         WHERE s.participant_id = pa.id AND s.effective_date <= $2::date
                         ORDER BY s.effective_date DESC, s.id DESC LIMIT 1) st
     WHERE pa.regency_code = $1 AND st.status = 'active'`,
    ['53.04', asOf],
  );
  return r.rows[0]!.n;
}

describe('active participants on a date: one figure everywhere', () => {
  let deps: Deps;
  let t: TestDb;
  let district: Actor;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolEverySegment(deps);
    const branch = await demoActor(deps, 'cabang.atambua');
    district = await demoActor(deps, 'dinas.belu');
    await registerEmployer(deps, branch, {
      npp: '53049201',
      name: 'Pemerintah Kabupaten Belu',
      businessTypeCode: 'jasa_pemerintahan',
      scale: 'large',
      isGovernment: true,
      regionCode: '53.04',
    });
    for (let i = 1; i <= NON_ASN; i++) {
      const birthDate = `198${i}-03-0${i}`;
      await registerEmployee(deps, branch, '53049201', {
        nik: nikFor({ kecamatan: '530401', birthDate, sex: 'L', serial: 60 + i }),
        fullName: `Staf Honorer ${serialName(i)}`,
        birthDate,
        sex: 'L',
        startDate: '2026-11-01',
        wageRp: 2_400_000,
        jht: false,
        jp: false,
      });
    }
    await setWorkforce(deps, district, {
      regencyCode: '53.04',
      year: 2026,
      workforce: 1_000,
      source: 'BPS Sakernas 2025',
      targetPercent: 40,
    });
  }, 180_000);
  afterAll(async () => t.drop());

  it('gives the headline, the trend, UCJ and the branch report the same figure, regency level included', async () => {
    const d = await districtDashboard(deps, district, { regencyCode: '53.04', asOf: AS_OF });
    const report = await branchReport(deps, await demoActor(deps, 'cabang.atambua'), {
      regencyCode: '53.04',
      from: '2026-12-01',
      to: AS_OF,
    });
    const truth = await activeFromHistory(deps, AS_OF);
    const figures = {
      headline: d.active,
      trendLastMonth: d.trends.at(-1)!.active,
      ucjCovered: d.ucj!.covered,
      branchReport: report.activeParticipants.total,
    };
    expect(d.trends.at(-1)!.period).toBe('2026-12');
    expect(figures).toEqual({
      headline: truth,
      trendLastMonth: truth,
      ucjCovered: truth,
      branchReport: truth,
    });
    // The fixture holds regency-level participants: the kecamatan rows (the old headline) miss them.
    const kecamatanSum = d.areas.filter((a) => a.level === 'district').reduce((s, a) => s + a.active, 0);
    expect(d.nonAsn!.active).toBe(NON_ASN);
    expect(truth - kecamatanSum).toBeGreaterThanOrEqual(NON_ASN);
    expect(report.nonAsn.active).toBe(NON_ASN);
  });

  it('agrees before anyone was active too (a month with no participants: 0 everywhere)', async () => {
    const d = await districtDashboard(deps, district, { regencyCode: '53.04', asOf: '2026-02-15' });
    const truth = await activeFromHistory(deps, '2026-02-15');
    expect([d.active, d.trends.at(-1)!.active, d.ucj!.covered]).toEqual([truth, truth, truth]);
  });
});
