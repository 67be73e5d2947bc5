// The BPU mandiri registration file (CSV, one worker a row) a village or an agent uploads. Pure of
// the database: headers in Bahasa Indonesia, each cell read and checked, problems per row.
import type { BpuMember } from '../../db/bpu.ts';
import { AppError } from '../../errors.ts';
import { isPersonName } from '../../hygiene.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { readCsv } from '../enrolment-file/read-csv.ts';

/** Header → field. `jht` is ya/tidak; `mulai` (optional) is the day cover started for a member carried over. */
export const BPU_FILE_COLUMNS = {
  nik: 'nik',
  nama: 'fullName',
  tanggal_lahir: 'birthDate',
  jenis_kelamin: 'sex',
  pekerjaan: 'occupation',
  alamat: 'address',
  kode_desa: 'regionCode',
  penghasilan: 'income',
  jht: 'jht',
  frekuensi: 'frequency',
  mulai: 'since',
} as const;
const REQUIRED = ['nik', 'kode_desa', 'penghasilan', 'frekuensi'];

/** A row as the registration takes it (db/bpu.ts BpuMember), with its number and problems. */
export type BpuFileRow = Omit<BpuMember, 'since' | 'programs'> & {
  rowNumber: number;
  programs: string[];
  /** The day cover started, for a member carried over; null: the registration day. */
  since: string | null;
  problems: { field: string; code: string }[];
};

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

export function parseBpuFile(text: string): BpuFileRow[] {
  const { rows, formulaCells } = readCsv(text);
  if (formulaCells.length > 0)
    throw new AppError('VALIDATION_FAILED', { detail: `formula in ${formulaCells[0]}` });
  const [header, ...data] = rows;
  const names = (header?.cells ?? []).map((c) => (c?.kind === 'text' ? c.text.trim().toLowerCase() : ''));
  const missing = REQUIRED.filter((h) => !names.includes(h));
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', { detail: `columns missing: ${missing.join(', ')}` });
  return data
    .filter((r) => r.cells.some((c) => c?.kind === 'text' && c.text.trim() !== ''))
    .map((r) => {
      const cell = (h: keyof typeof BPU_FILE_COLUMNS) => {
        const c = r.cells[names.indexOf(h)];
        return c?.kind === 'text' ? c.text : undefined;
      };
      const problems: { field: string; code: string }[] = [];
      const birth = orNull(cell('tanggal_lahir'));
      if (birth && !isValidDate(birth)) problems.push({ field: 'tanggal_lahir', code: 'DATE_INVALID' });
      const since = orNull(cell('mulai'));
      if (since && !isValidDate(since)) problems.push({ field: 'mulai', code: 'DATE_INVALID' });
      const name = orNull(cell('nama'));
      if (name && !isPersonName(name)) problems.push({ field: 'nama', code: 'NAME_INVALID' });
      const income = Number((cell('penghasilan') ?? '').replace(/[.\s]/g, ''));
      if (!Number.isSafeInteger(income) || income <= 0)
        problems.push({ field: 'penghasilan', code: 'VALIDATION_FAILED' });
      const frequency = Number(cell('frekuensi'));
      if (![1, 3, 6, 12].includes(frequency))
        problems.push({ field: 'frekuensi', code: 'VALIDATION_FAILED' });
      const jht = (cell('jht') ?? '').trim().toLowerCase();
      if (!['', 'ya', 'tidak'].includes(jht)) problems.push({ field: 'jht', code: 'VALIDATION_FAILED' });
      const regionCode = (cell('kode_desa') ?? '').trim();
      if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(regionCode))
        problems.push({ field: 'kode_desa', code: 'REGION_NOT_FOUND' });
      return {
        rowNumber: r.rowNumber,
        nik: (cell('nik') ?? '').trim(),
        fullName: name,
        birthDate: birth && isValidDate(birth) ? birth : null,
        sex: orNull(cell('jenis_kelamin'))?.toUpperCase() ?? null,
        occupation: orNull(cell('pekerjaan')),
        address: orNull(cell('alamat')),
        regionCode,
        incomeRp: income,
        programs: jht === 'ya' ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'],
        frequencyMonths: frequency,
        since: since && isValidDate(since) ? since : null,
        problems,
      };
    });
}
