import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect.ts';
import {
  activeByProvince,
  activeBySource,
  listMembers,
  OWN_PROVINCES,
  paidByProvince,
  paidBySource,
} from '../../src/db/federation.ts';
import { findChildren } from '../../src/db/regions.ts';
import { isAppError } from '../../src/errors.ts';
import type { Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { closePeriod } from '../../src/services/close-period.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { attachNationalMember } from '../../src/services/national/attach-member.ts';
import { type NationalFigures, nationalSummary } from '../../src/services/national/national-summary.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { branchReport } from '../../src/services/reports/branch-report.ts';
import { insertApprovedClaim, participantsOf } from '../support/approved-claim.ts';
import { lindung } from '../support/cli.ts';
import { TEST_NOW, testDbKind } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { type LocalCluster, startCluster } from '../support/local-cluster.ts';
import { payApprovedClaims } from '../support/pay-claims.ts';

// Issue 16 point 3: two province databases (NTT, NTB), each on its own local cluster, and a
// national database on a third that reads both read-only through postgres_fdw. The national
// figures of a province must be the province's own branch reports summed over its regencies,
// read from the province's own database.

const AS_OF = '2026-11-24';
const FROM = '2026-01-01';
const PASSWORD = 'member-password-not-for-logs';

interface Province {
  name: string;
  code: string;
  cluster: LocalCluster;
  deps: Deps;
}

async function openCluster(cluster: LocalCluster): Promise<Deps> {
  const db = await openDb({
    databaseUrl: cluster.url(),
    dataDir: '',
    auditKey: process.env.LINDUNG_AUDIT_KEY,
  });
  return { db, clock: fixedClock(TEST_NOW) };
}

/** The province's own figures: its branch report of every regency, summed, from its own database. */
async function ownReport(p: Province): Promise<NationalFigures> {
  const sum: NationalFigures = {
    active: { formal: 0, informal: 0, construction: 0, total: 0 },
    claims: {} as NationalFigures['claims'],
    claimsTotal: { count: 0, amountRp: 0 },
  };
  for (const regency of await findChildren(p.deps.db, p.code)) {
    const r = await branchReport(p.deps, consoleActor(), {
      regencyCode: regency.code,
      from: FROM,
      to: AS_OF,
    });
    for (const k of ['formal', 'informal', 'construction', 'total'] as const)
      sum.active[k] += r.activeParticipants[k];
    for (const [program, c] of Object.entries(r.claims)) {
      const key = program as keyof NationalFigures['claims'];
      const s = sum.claims[key] ?? { count: 0, amountRp: 0 };
      sum.claims[key] = { count: s.count + c.count, amountRp: s.amountRp + c.amountRp };
    }
    sum.claimsTotal.count += r.claimsTotal.count;
    sum.claimsTotal.amountRp += r.claimsTotal.amountRp;
  }
  return sum;
}

describe.runIf(testDbKind === 'postgres')('national view over province databases (postgres_fdw)', () => {
  const clusters: LocalCluster[] = [];
  let ntt: Province;
  let ntb: Province;
  let national: Deps & { url: string };

  beforeAll(async () => {
    const [a, b, c] = await Promise.all([startCluster(), startCluster(), startCluster()]);
    clusters.push(a!, b!, c!);
    ntt = { name: 'NTT', code: '53', cluster: a!, deps: await openCluster(a!) };
    ntb = { name: 'NTB', code: '52', cluster: b!, deps: await openCluster(b!) };
    national = { ...(await openCluster(c!)), url: c!.url() };
    await Promise.all([
      prepareDatabase(ntt.deps.db, { provinces: ['53'] }),
      // The office tree (seed/offices.json) names NTT's regencies, so every database loads NTT too.
      prepareDatabase(ntb.deps.db, { provinces: ['52', '53'] }),
      prepareDatabase(national.db, { provinces: ['53'] }),
    ]);
    // Village workers in Belu (NTT) and in Lombok Barat (NTB), through the enrolment workflow.
    await enrolActive(ntt.deps, '53.04.01.2001', 10);
    await enrolActive(ntb.deps, '52.01.01.2002', 11);
    // One paid JKM claim in Belu, paid through a payout batch and the bank's result file.
    const [first] = await participantsOf(ntt.deps.db, '53.04.01.2001');
    await insertApprovedClaim(ntt.deps.db, first!, { program: 'JKM', amountRp: 42_000_000 });
    const officer = consoleActor();
    await payApprovedClaims(
      ntt.deps,
      { officer, supervisor: { ...officer, username: 'console:checker' } },
      '53.04',
      '2026-11-20',
    );
    // Lombok Barat closes October, so its counts go through the snapshot base (report-counts.ts) on both sides.
    await closePeriod(ntb.deps, consoleActor(), { regencyCode: '52.01', period: '2026-10' });
    await attachNationalMember(national, consoleActor(), { name: 'NTT', url: ntt.cluster.url() });
    const withPassword = new URL(ntb.cluster.url());
    withPassword.password = PASSWORD;
    const cli = lindung(['national', 'attach', '--name', 'ntb', '--url', withPassword.toString()], {
      databaseUrl: national.url,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).not.toContain(PASSWORD);
  }, 600_000);

  afterAll(async () => {
    for (const d of [ntt?.deps, ntb?.deps, national]) await d?.db.close().catch(() => undefined);
    await Promise.all(clusters.map((c) => c.stop()));
  });

  it('gives each province the figures of its own reports, from all members at once', async () => {
    const summary = await nationalSummary(national, consoleActor(), { asOf: AS_OF });
    expect(summary.members.map((m) => m.name)).toEqual(['NTB', 'NTT']);
    const byName = (name: string) => summary.provinces.find((p) => p.member === name);
    for (const p of [ntt, ntb]) {
      const own = await ownReport(p);
      const got = byName(p.name)!;
      expect(got.provinceCode).toBe(p.code);
      expect({ active: got.active, claims: got.claims, claimsTotal: got.claimsTotal }).toEqual(own);
    }
    // And the figures are what was enrolled and paid, not zero on both sides: the paid death (JKM)
    // ended one of Belu's ten memberships.
    expect(byName('NTT')!.active.total).toBe(9);
    expect(byName('NTB')!.active.total).toBe(11);
    expect(byName('NTT')!.claims.JKM).toEqual({ count: 1, amountRp: 42_000_000 });
    expect(summary.active.total).toBe(20);
    // A province database's own summary (the scale benchmark's province figure): the same rows
    // from its own tables as the national database reads through postgres_fdw.
    for (const p of [ntt, ntb]) {
      const own = await activeBySource(p.deps.db, [OWN_PROVINCES], AS_OF);
      const federated = await activeByProvince(
        national.db,
        [(await listMembers(national.db)).find((m) => m.name === p.name)!],
        AS_OF,
      );
      expect(own.length).toBeGreaterThan(0);
      expect(own.map((r) => ({ ...r, member: p.name }))).toEqual(federated);
      const paid = { from: FROM, to: AS_OF };
      expect(
        (await paidBySource(p.deps.db, [OWN_PROVINCES], paid)).map((r) => ({ ...r, member: p.name })),
      ).toEqual(
        await paidByProvince(
          national.db,
          (await listMembers(national.db)).filter((m) => m.name === p.name),
          paid,
        ),
      );
    }
    expect(summary.claimsTotal).toEqual({ count: 1, amountRp: 42_000_000 });
  });

  it('audits the attach with host, port and dbname only', async () => {
    const r = await national.db.query<{ entityId: string; after: string }>(
      `SELECT entity_id AS "entityId", after::text AS after FROM audit_log WHERE action = 'national.attach' ORDER BY id`,
    );
    expect(r.rows.map((x) => x.entityId)).toEqual(['NTT', 'NTB']);
    expect(JSON.parse(r.rows[1]!.after)).toMatchObject({
      host: '127.0.0.1',
      port: ntb.cluster.port,
      dbname: 'postgres',
    });
    expect(r.rows.map((x) => x.after).join()).not.toMatch(new RegExp(`${PASSWORD}|"user"|postgres@`));
  });

  it('cannot write to a member, even with the server made updatable', async () => {
    await expect(national.db.query('DELETE FROM member_ntt.payout')).rejects.toThrow(
      /does not allow deletes/,
    );
    await national.db.query(`ALTER SERVER lindung_member_ntt OPTIONS (SET updatable 'true')`);
    try {
      await expect(national.db.query('DELETE FROM member_ntt.payout')).rejects.toThrow(
        /read-only transaction/,
      );
    } finally {
      await national.db.query(`ALTER SERVER lindung_member_ntt OPTIONS (SET updatable 'false')`);
    }
    const own = await ntt.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payout WHERE status = 'paid'`,
    );
    expect(own.rows[0]!.n).toBe(1);
  });

  it('names the member that is down', async () => {
    await ntb.deps.db.close();
    await ntb.cluster.stop();
    const e: unknown = await nationalSummary(national, consoleActor(), { asOf: AS_OF }).catch((x) => x);
    if (!isAppError(e)) throw e;
    expect(e.code).toBe('NATIONAL_MEMBER_UNREACHABLE');
    expect(e.params.member).toBe('NTB');
    expect(e.localized('id')).toContain(`NTB (127.0.0.1:${ntb.cluster.port}/postgres)`);
  });
});
