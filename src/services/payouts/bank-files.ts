// The two files exchanged with the bank (layouts in docs/payouts.md): the transfer instruction we
// send, and the result the bank sends back. UTF-8 without a byte-order mark (bank upload
// portals reject it), CRLF line ends, a header row, amounts as whole rupiah digits.
import { isValidDate } from '../../rules/calendar.ts';
import { csvField } from '../exports/csv.ts';

export const TRANSFER_HEADER = [
  'batch_reference',
  'payout_id',
  'bank_code',
  'account_number',
  'account_holder',
  'amount_rp',
  'description',
] as const;

export const RESULT_HEADER = [
  'batch_reference',
  'payout_id',
  'status',
  'date',
  'bank_reference',
  'amount_rp',
] as const;

export interface TransferRow {
  payoutId: number;
  bankCode: string;
  bankAccount: string;
  accountHolder: string;
  amountRp: number;
  description: string;
}

export function transferCsv(batchNumber: string, rows: readonly TransferRow[]): Buffer {
  const line = (cells: (string | number)[]) => cells.map((c) => csvField(c, ',')).join(',');
  const lines = [line([...TRANSFER_HEADER])];
  for (const r of rows) {
    lines.push(
      line([batchNumber, r.payoutId, r.bankCode, r.bankAccount, r.accountHolder, r.amountRp, r.description]),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export type ResultStatus = 'PAID' | 'FAILED' | 'RETURNED';

export interface ResultRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  batchReference: string;
  payoutId: number;
  status: ResultStatus;
  date: string;
  bankReference: string;
  amountRp: number;
}

export interface FileProblem {
  line: number;
  field?: string;
  problem: string;
}

/** RFC 4180 fields of one line (quotes may hold commas and doubled quotes; not line breaks). */
function splitCsvLine(text: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(value);
    } else {
      const c = text.indexOf(',', i);
      out.push((c < 0 ? text.slice(i) : text.slice(i, c)).trim());
      if (c < 0) return out;
      i = c + 1;
      continue;
    }
    if (i >= text.length) return out;
    if (text[i] !== ',') return null;
    i++;
  }
}

/** Reads the bank's result file; every problem is reported with its line, nothing is guessed. */
export function parseResultCsv(bytes: Buffer): { rows: ResultRow[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const rows: ResultRow[] = [];
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) return { rows, problems: [{ line: 1, problem: 'not UTF-8 text' }] };
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const header = lines[0] === undefined ? null : splitCsvLine(lines[0]);
  if (!header || header.map((h) => h.trim().toLowerCase()).join(',') !== RESULT_HEADER.join(',')) {
    return { rows, problems: [{ line: 1, problem: `header must be ${RESULT_HEADER.join(',')}` }] };
  }
  if (lines.length < 2) return { rows, problems: [{ line: 2, problem: 'no result rows' }] };
  const seen = new Map<number, number>();
  lines.slice(1).forEach((raw, idx) => {
    const line = idx + 2;
    const f = splitCsvLine(raw);
    if (!f || f.length !== RESULT_HEADER.length) {
      problems.push({ line, problem: `expected ${RESULT_HEADER.length} fields` });
      return;
    }
    const [batchReference, id, status, date, bankReference, amount] = f.map((x) => x.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const bad = (field: string, problem: string) => problems.push({ line, field, problem });
    const before = problems.length;
    if (!/^\d{1,15}$/.test(id)) bad('payout_id', 'a payout id from the transfer file');
    const st = status.toUpperCase();
    if (st !== 'PAID' && st !== 'FAILED' && st !== 'RETURNED') bad('status', 'PAID, FAILED or RETURNED');
    if (!isValidDate(date)) bad('date', 'YYYY-MM-DD');
    if (st === 'PAID' && !bankReference) bad('bank_reference', 'required for PAID');
    if (!/^\d{1,15}$/.test(amount)) bad('amount_rp', 'whole rupiah digits');
    if (problems.length > before) return;
    const payoutId = Number(id);
    const first = seen.get(payoutId);
    if (first !== undefined) {
      bad('payout_id', `payout ${payoutId} already on line ${first}`);
      return;
    }
    seen.set(payoutId, line);
    rows.push({
      line,
      batchReference,
      payoutId,
      status: st as ResultStatus,
      date,
      bankReference,
      amountRp: Number(amount),
    });
  });
  return { rows, problems };
}
