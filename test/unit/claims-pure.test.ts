import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../src/services/claims/documents.ts';
import { slaDue } from '../../src/services/claims/sla.ts';

describe('claims: service helpers without a database', () => {
  it('the SLA counts from the WITA date the documents became complete', () => {
    // Friday 17:00 UTC is already Saturday 01:00 WITA: 3 working days → Wednesday
    expect(slaDue('JKM', '2026-12-04T17:00:00Z')).toEqual({
      dueDate: '2026-12-09',
      dueAt: '2026-12-09T15:59:59.000Z',
    });
    expect(slaDue('JHT', '2026-12-04T15:59:00Z').dueDate).toBe('2026-12-11'); // Friday 23:59 WITA + 5
  });

  it('file types come from the first bytes, never the name', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from('MZ\x90\x00', 'binary'))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF'))).toBeNull(); // truncated signature
  });
});
