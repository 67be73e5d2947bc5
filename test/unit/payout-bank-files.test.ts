import { describe, expect, it } from 'vitest';
import { parseResultCsv, transferCsv } from '../../src/services/payouts/bank-files.ts';

const HEAD = 'batch_reference,payout_id,status,date,bank_reference,amount_rp';

describe('bank files: transfer CSV out, result CSV in', () => {
  it('writes UTF-8 without BOM, CRLF, a header, integer rupiah, quoting only where needed', () => {
    const body = transferCsv('BYR-5304-2026-00001', [
      {
        payoutId: 7,
        bankCode: '002',
        bankAccount: '0012345678',
        accountHolder: 'Ana Luan',
        amountRp: 1_500_000,
        description: 'JKK KLM/1',
      },
      {
        payoutId: 8,
        bankCode: '008',
        bankAccount: '998877',
        accountHolder: 'Bere, "Yo"',
        amountRp: 42_000_000,
        description: 'JKM KLM/2',
      },
    ]);
    expect(body.toString('utf8')).toBe(
      'batch_reference,payout_id,bank_code,account_number,account_holder,amount_rp,description\r\n' +
        'BYR-5304-2026-00001,7,002,0012345678,Ana Luan,1500000,JKK KLM/1\r\n' +
        'BYR-5304-2026-00001,8,008,998877,"Bere, ""Yo""",42000000,JKM KLM/2\r\n',
    );
  });

  it('reads a result file with a BOM, LF line ends, quoted fields and a lower-case status', () => {
    const r = parseResultCsv(
      Buffer.from(
        `\uFEFF${HEAD}\nB-1,7,paid,2026-11-25,"TRX,1",1500000\nB-1,8,FAILED,2026-11-25,,42000000\n`,
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        batchReference: 'B-1',
        payoutId: 7,
        status: 'PAID',
        date: '2026-11-25',
        bankReference: 'TRX,1',
        amountRp: 1_500_000,
      },
      {
        line: 3,
        batchReference: 'B-1',
        payoutId: 8,
        status: 'FAILED',
        date: '2026-11-25',
        bankReference: '',
        amountRp: 42_000_000,
      },
    ]);
  });

  it('names every bad field by line: id, status, date, missing reference, amount with separators, field count', () => {
    const r = parseResultCsv(
      Buffer.from(
        [
          HEAD,
          'B,x,PAID,2026-11-25,T,1',
          'B,1,OK,2026-02-30,,1',
          'B,2,PAID,2026-11-25,,1.500.000',
          'B,3,PAID',
        ].join('\r\n'),
      ),
    );
    expect(r.problems.map((p) => [p.line, p.field ?? null])).toEqual([
      [2, 'payout_id'],
      [3, 'status'],
      [3, 'date'],
      [4, 'bank_reference'],
      [4, 'amount_rp'],
      [5, null],
    ]);
    expect(parseResultCsv(Buffer.from('id,status\r\n1,PAID\r\n')).problems[0]!.problem).toContain('header');
    expect(parseResultCsv(Buffer.from(`${HEAD}\r\n`)).problems).toEqual([
      { line: 2, problem: 'no result rows' },
    ]);
  });
});
