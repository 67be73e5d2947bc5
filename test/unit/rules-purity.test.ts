// src/rules is pure law-as-code: no node:* or other I/O modules, no database, no HTTP, no services,
// no clock, no environment. This scans every file and fails on any forbidden import or use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RULES_DIR = fileURLToPath(new URL('../../src/rules/', import.meta.url));

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'process',
  'worker_threads',
];
const FORBIDDEN_MODULE = [
  /^node:/,
  new RegExp(`^(${NODE_BUILTINS.join('|')})(/.*)?$`),
  /^(pg|@electric-sql\/pglite|fastify)(\/.*)?$/,
  /(^|\/)(db|services|http|cli)\//,
];
const FORBIDDEN_USE: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
  [/\bprocess\.env\b/, 'process.env'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
];

/** Every problem in one source text: forbidden module specifiers and forbidden uses. */
function purityProblems(source: string): string[] {
  const problems: string[] = [];
  const specifiers = [
    ...source.matchAll(/\b(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/\bimport\s+['"]([^'"]+)['"]/g),
    ...source.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
  for (const spec of specifiers) {
    if (FORBIDDEN_MODULE.some((re) => re.test(spec))) problems.push(`import of ${spec}`);
  }
  for (const [re, name] of FORBIDDEN_USE) if (re.test(source)) problems.push(`use of ${name}`);
  return problems;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

describe('src/rules purity', () => {
  it('the checker catches each forbidden thing in a fixture string', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { Pool } from 'pg';",
      "import { PGlite } from '@electric-sql/pglite';",
      "import Fastify from 'fastify';",
      "import { db } from '../db/connect.ts';",
      "import { ruleBook } from '../../services/rule-book.ts';",
      "const m = await import('node:os');",
      'const today = new Date();',
      'const t = Date.now();',
      'const url = process.env.DATABASE_URL;',
    ].join('\n');
    expect(purityProblems(bad)).toHaveLength(11);
    expect(purityProblems("import { parse } from 'yaml';\nconst d = new Date('2025-01-01');")).toEqual([]);
  });

  it('no file under src/rules imports I/O, database, HTTP or services, reads the clock or env', () => {
    const files = walk(RULES_DIR);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) =>
      purityProblems(readFileSync(f, 'utf8')).map((p) => `${relative(RULES_DIR, f)}: ${p}`),
    );
    expect(found).toEqual([]);
  });
});
