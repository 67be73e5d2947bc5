import { createHmac } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServing } from '../../src/db/connect.ts';
import { appendCheckpoint, readCheckpoints, signCheckpoint } from '../../src/security/audit-checkpoints.ts';
import { resolveAuditKeys } from '../../src/security/audit-key.ts';

// Where the audit key comes from when LINDUNG_AUDIT_KEY is unset (docs/security.md "Audit chain").
describe('audit key and checkpoints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('embedded: one key file beside the data folders (0600), the same for a sibling folder', () => {
    const a = resolveAuditKeys({ dataDir: join(dir, 'data') })!;
    const b = resolveAuditKeys({ dataDir: join(dir, 'data-restored') })!;
    expect(a.source).toBe('file');
    expect(b.rowPads).toBe(a.rowPads);
    expect(statSync(join(dir, '.lindung-audit-key')).mode & 0o777).toBe(0o600);
    expect(a.checkpointsFile).toBe(join(dir, 'data.audit-checkpoints'));
    expect(b.checkpointsFile).toBe(join(dir, 'data-restored.audit-checkpoints'));
  });

  it('LINDUNG_AUDIT_KEY wins, must be 32 characters, and gives different row and checkpoint keys', () => {
    const key = 'k'.repeat(32);
    const k = resolveAuditKeys({ dataDir: join(dir, 'data'), auditKey: key })!;
    expect(k.source).toBe('env');
    expect(k.rowPads).not.toBe(resolveAuditKeys({ dataDir: join(dir, 'data') })!.rowPads);
    expect(k.rowPads).toMatch(/^[0-9a-f]{256}$/);
    expect(k.rowPads).not.toContain(k.checkpointKey.toString('hex'));
    expect(() => resolveAuditKeys({ dataDir: '', auditKey: 'short' })).toThrow(
      expect.objectContaining({ code: 'AUDIT_KEY_INVALID' }),
    );
  });

  it('PostgreSQL without LINDUNG_AUDIT_KEY has no key, and serve refuses to start', async () => {
    expect(resolveAuditKeys({ databaseUrl: 'postgres://x@127.0.0.1:1/none', dataDir: './data' })).toBeNull();
    await expect(
      openServing({ databaseUrl: 'postgres://x@127.0.0.1:1/none', dataDir: './data' }),
    ).rejects.toMatchObject({ code: 'AUDIT_KEY_REQUIRED' });
  });

  it('a checkpoint signed with another key, or edited, is not a checkpoint', () => {
    const k = resolveAuditKeys({ dataDir: join(dir, 'data') })!;
    const other = resolveAuditKeys({ dataDir: '', auditKey: 'o'.repeat(40) })!;
    const file = join(dir, 'cps');
    appendCheckpoint(
      file,
      signCheckpoint(k.checkpointKey, { at: 'now', chain: '53.04', seq: 3, hash: 'ab', keyedFrom: 1 }),
    );
    appendCheckpoint(
      file,
      signCheckpoint(other.checkpointKey, { at: 'now', chain: '53.04', seq: 4, hash: 'cd', keyedFrom: 1 }),
    );
    const r = readCheckpoints(file, k.checkpointKey);
    expect(r.valid.map((c) => c.seq)).toEqual([3]);
    expect(r.invalidLines).toEqual([2]);
  });

  it('a checkpoint names its chain; moved to another chain it is not a checkpoint', () => {
    const k = resolveAuditKeys({ dataDir: join(dir, 'data') })!;
    const file = join(dir, 'cps-chains');
    const c = signCheckpoint(k.checkpointKey, {
      at: 'now',
      chain: '53.04',
      seq: 3,
      hash: 'ab',
      keyedFrom: 1,
    });
    appendCheckpoint(file, c);
    appendFileSync(file, `${JSON.stringify({ ...c, chain: '53.05' })}\n`);
    const r = readCheckpoints(file, k.checkpointKey);
    expect(r.valid).toEqual([c]);
    expect(r.invalidLines).toEqual([2]);
  });

  it('a version 1 line (one chain, before migration 0022) reads as the legacy chain', () => {
    const k = resolveAuditKeys({ dataDir: join(dir, 'data') })!;
    const file = join(dir, 'cps-v1');
    // Exactly what the version 1 writer signed: no chain in the text.
    const sig = createHmac('sha256', k.checkpointKey)
      .update('lindung-audit-checkpoint|1|now|7|ef|4')
      .digest('hex');
    appendFileSync(file, `${JSON.stringify({ v: 1, at: 'now', seq: 7, hash: 'ef', keyedFrom: 4, sig })}\n`);
    expect(readCheckpoints(file, k.checkpointKey).valid).toEqual([
      { v: 1, at: 'now', chain: 'legacy', seq: 7, hash: 'ef', keyedFrom: 4, sig },
    ]);
  });
});
