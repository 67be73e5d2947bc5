// Service level of a claim: working days after the documents are complete, in the office's
// calendar (WITA), the working-day calendar of src/rules/calendar.ts.
import { addWorkingDays, type IsoDate } from '../../rules/calendar.ts';
import { officeDate } from '../clock.ts';
import type { ClaimProgram } from './catalog.ts';

/**
 * Working days from complete documents to payment.
 * JHT: ≤ 5 working days (Menaker statement, fact sheet §3.5, status OK).
 * JKM: ~3 days (BPJS spokesman, fact sheet §4, status S — practice, not regulation).
 * JKK, JP, JKP: no published figure; the branch's own target of 5 working days (our choice).
 */
export const SLA_WORKING_DAYS: Record<ClaimProgram, { days: number; basis: string }> = {
  JHT: {
    days: 5,
    basis: 'JHT ≤ 5 hari kerja setelah dokumen lengkap (Permenaker 4/2022; pernyataan Menaker)',
  },
  JKM: { days: 3, basis: 'JKM ±3 hari kerja setelah dokumen lengkap (praktik BPJS TK, belum peraturan)' },
  JKK: { days: 5, basis: 'target kantor cabang 5 hari kerja (tidak ada ketentuan yang ditemukan)' },
  JP: { days: 5, basis: 'target kantor cabang 5 hari kerja (tidak ada ketentuan yang ditemukan)' },
  JKP: { days: 5, basis: 'target kantor cabang 5 hari kerja (tidak ada ketentuan yang ditemukan)' },
};

/** The due instant: the end of the n-th working day (WITA, UTC+8) after the documents were complete. */
export function slaDue(program: ClaimProgram, completeAt: string): { dueDate: IsoDate; dueAt: string } {
  const dueDate = addWorkingDays(officeDate(completeAt), SLA_WORKING_DAYS[program].days);
  return { dueDate, dueAt: new Date(`${dueDate}T23:59:59+08:00`).toISOString() };
}
