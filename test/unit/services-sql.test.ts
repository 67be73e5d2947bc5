// Services orchestrate; SQL lives in src/db only (issue 11). This scans every service and fails on
// a query, script or bulk load run on a Queryable, Db or transaction, or on SQL text in a service.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVICES = fileURLToPath(new URL('../../src/services/', import.meta.url));

const RUNS_SQL = /\.(query|exec|copyIn)\s*(<[^>]*>)?\s*\(/;
const SQL_TEXT =
  /\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TEMP|TABLE|INDEX))\b/;

/** The lines of a source text that run SQL themselves, or hold SQL text. */
function sqlCalls(source: string): string[] {
  return source.split('\n').filter((line) => RUNS_SQL.test(line) || SQL_TEXT.test(line));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('services hold no SQL', () => {
  it('the checker catches each way of running SQL in a fixture string', () => {
    const bad = [
      'await tx.query(`SELECT 1`);',
      'const r = await deps.db.query<{ n: number }>(',
      "await q.exec('CREATE TABLE t ()');",
      "await tx.copyIn('t (a)', data);",
      '  `SELECT id FROM claim WHERE status = $1`,',
      "const sql = 'INSERT INTO audit_log (a) VALUES (1)';",
      '    UPDATE claim SET status = $2',
    ].join('\n');
    expect(sqlCalls(bad)).toHaveLength(7);
    expect(sqlCalls("const r = await loadClaim(tx, id, scope);\nconst q = 'query';")).toEqual([]);
  });

  it('no file under src/services runs SQL or holds SQL text', () => {
    const files = walk(SERVICES);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) =>
      sqlCalls(readFileSync(f, 'utf8')).map((line) => `${relative(SERVICES, f)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
