// The money, claims, payouts and JHT services orchestrate; their SQL lives in src/db. This scans
// those services and fails on a query, script or bulk load run on a Queryable, Db or transaction.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVICES = fileURLToPath(new URL('../../src/services/', import.meta.url));
const FOLDERS = ['claims', 'payouts', 'jht'];
const FILES = ['run-billing.ts', 'post-payment.ts', 'reverse-payment.ts', 'update-coverage.ts'];

/** The lines of a source text that run SQL themselves. */
function sqlCalls(source: string): string[] {
  return source.split('\n').filter((line) => /\.(query|exec|copyIn)\s*(<[^>]*>)?\s*\(/.test(line));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('money services hold no SQL', () => {
  it('the checker catches each way of running SQL in a fixture string', () => {
    const bad = [
      'await tx.query(`SELECT 1`);',
      'const r = await deps.db.query<{ n: number }>(',
      "await q.exec('CREATE TABLE t ()');",
      "await tx.copyIn('t (a)', data);",
    ].join('\n');
    expect(sqlCalls(bad)).toHaveLength(4);
    expect(sqlCalls("const r = await loadClaim(tx, id, scope);\nconst q = 'query';")).toEqual([]);
  });

  it('no service of claims, payouts, JHT, billing, payments or coverage runs SQL itself', () => {
    const files = [
      ...FOLDERS.flatMap((f) => walk(join(SERVICES, f))),
      ...FILES.map((f) => join(SERVICES, f)),
    ];
    expect(files.length).toBeGreaterThan(25);
    const found = files.flatMap((f) =>
      sqlCalls(readFileSync(f, 'utf8')).map((line) => `${relative(SERVICES, f)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
