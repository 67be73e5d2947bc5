import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownMigrations } from '../../src/db/migrate.ts';

// A migration that has landed is never edited again: its checksum is pinned in
// src/db/migrations/SHA256SUMS (the format of `sha256sum`; `sha256sum -c` checks it too). A new
// migration adds its line there in the same commit.
const pinned = new Map(
  readFileSync(new URL('../../src/db/migrations/SHA256SUMS', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [sum, file] = line.split(/\s+/);
      return [file!, sum!] as const;
    }),
);

describe('landed migrations', () => {
  const migrations = knownMigrations();

  it.each(migrations.map((m) => [`${m.version}_${m.name}.sql`, m.checksum]))(
    '%s is as it landed',
    (file, sum) => {
      expect(pinned.get(file), `${file} has no line in SHA256SUMS`).toBeDefined();
      expect(sum, `${file} was edited after it landed: write a new migration instead`).toBe(pinned.get(file));
    },
  );

  it('pins no migration that does not exist', () => {
    const files = new Set(migrations.map((m) => `${m.version}_${m.name}.sql`));
    expect([...pinned.keys()].filter((f) => !files.has(f))).toEqual([]);
  });

  it('numbers them without gaps, so the applied history can be checked as a prefix', () => {
    expect(migrations.map((m) => Number(m.version))).toEqual(migrations.map((_, i) => i + 1));
  });
});
