// Bank Mandiri MCM (Mandiri Cash Management) "Payroll – Multi Service" bulk-transfer upload file.
// Layout as published in Mandiri's "Payroll - Multi Service - File Structure" (docs/payouts.md
// quotes its field list and says which fields are left blank and why). One header record "P",
// then one detail record per payout; comma-separated without quoting, so a field may hold no
// comma, quote or line break. Amounts are whole rupiah written with the two decimals the layout
// requires ("1500000.00"). Nothing is truncated: a value longer than its field refuses the file.
import { BANKS } from '../claims/catalog.ts';

/** Mandiri's own bank code: a transfer to it is in-house (IBU), the rest online transfers (OBU). */
export const MANDIRI_BANK_CODE = '008';

/** Field lengths of the detail record (X(n) in the published layout). */
export const MCM_LIMITS = {
  beneficiaryAccount: 35,
  beneficiaryName: 40,
  remark: 140,
  customerReference: 19,
  bankCode: 12,
  bankName: 100,
} as const;

export interface McmPayout {
  payoutId: number;
  bankCode: string;
  bankAccount: string;
  accountHolder: string;
  amountRp: number;
  remark: string;
}

export interface McmProblem {
  payoutId: number | null;
  field: string;
  problem: string;
}

const SAFE = /^[\x20-\x7E]*$/;

function check(problems: McmProblem[], payoutId: number | null, field: string, value: string, max: number) {
  if (value.length > max)
    problems.push({ payoutId, field, problem: `longer than ${max} characters (${value.length})` });
  if (!SAFE.test(value) || /[",]/.test(value))
    problems.push({ payoutId, field, problem: 'only printable ASCII without comma or double quote' });
}

const rupiah = (n: number) => `${n}.00`;

/**
 * The file, or the list of every problem (nothing is written when one value does not fit).
 * instructionDate is YYYY-MM-DD; debitAccount the regency fund's Mandiri account, digits.
 */
export function mandiriMcmCsv(
  h: { instructionDate: string; debitAccount: string },
  payouts: readonly McmPayout[],
): { body: Buffer } | { problems: McmProblem[] } {
  const problems: McmProblem[] = [];
  if (!/^\d{1,40}$/.test(h.debitAccount))
    problems.push({ payoutId: null, field: 'debitAccount', problem: 'digits, at most 40' });
  if (payouts.length > 99_999)
    problems.push({ payoutId: null, field: 'count', problem: 'at most 99999 records' });
  const lines: string[] = [];
  let total = 0;
  for (const p of payouts) {
    const inHouse = p.bankCode === MANDIRI_BANK_CODE;
    const bankName = inHouse ? '' : (BANKS[p.bankCode] ?? '');
    const ref = String(p.payoutId);
    check(problems, p.payoutId, 'beneficiaryAccount', p.bankAccount, MCM_LIMITS.beneficiaryAccount);
    check(problems, p.payoutId, 'beneficiaryName', p.accountHolder, MCM_LIMITS.beneficiaryName);
    check(problems, p.payoutId, 'remark', p.remark, MCM_LIMITS.remark);
    check(problems, p.payoutId, 'customerReference', ref, MCM_LIMITS.customerReference);
    if (!inHouse && !bankName)
      problems.push({ payoutId: p.payoutId, field: 'bankCode', problem: `unknown bank ${p.bankCode}` });
    if (!Number.isSafeInteger(p.amountRp) || p.amountRp <= 0)
      problems.push({ payoutId: p.payoutId, field: 'amount', problem: 'positive whole rupiah' });
    total += p.amountRp;
    lines.push(
      [
        p.bankAccount, // 1 beneficiary account no. X(35), text: leading zeros kept
        p.accountHolder, // 2 beneficiary account name X(40)
        '', // 3–5 beneficiary address lines: international/RTGS only
        '',
        '',
        'IDR', // 6 transfer currency
        rupiah(p.amountRp), // 7 transfer amount 9(18)v9(2), "." decimal separator
        p.remark, // 8 transaction remark x(140)
        ref, // 9 customer reference x(19): the payout id, echoed on the bank statement
        inHouse ? 'IBU' : 'OBU', // 10 FT service
        inHouse ? '' : p.bankCode, // 11 beneficiary bank code X(12)
        bankName, // 12 beneficiary bank name X(100)
      ].join(','),
    );
  }
  if (problems.length) return { problems };
  const header = [
    'P',
    h.instructionDate.replaceAll('-', ''),
    h.debitAccount,
    payouts.length,
    rupiah(total),
  ].join(',');
  return { body: Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'ascii') };
}
