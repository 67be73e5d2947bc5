// Jenis klaim: the benefits a claim can ask for, per programme (fact sheet §3–§4). This is the one
// definition of the claim-kind union. Every switch on a kind ends in `jenisTakTertangani(kind)`,
// so adding a kind here makes the compiler name each place that must handle it.
import { AppError } from '../../errors.ts';

export const PROGRAM_KLAIM = ['JKM', 'JKK', 'JHT', 'JP', 'JKP'] as const;
export type ProgramKlaim = (typeof PROGRAM_KLAIM)[number];

export const JENIS_KLAIM = {
  /** PP 82/2019: santunan kematian; beasiswa anak (masa iur ≥ 3 tahun). */
  JKM: ['kematian', 'beasiswa'],
  /** PP 44/2015 jo PP 82/2019: meninggal, cacat total tetap, cacat sebagian, STMB, perawatan dan pengobatan. */
  JKK: ['kematian', 'cacat_total_tetap', 'cacat_sebagian', 'stmb', 'perawatan'],
  /** PP 46/2015 jo PP 60/2015; Permenaker 4/2022: seluruhnya, sebagian 10 % atau 30 %. */
  JHT: ['penuh', 'sebagian_10', 'sebagian_30'],
  /** PP 45/2015 Pasal 16: pensiun hari tua; pensiun janda/duda/anak/orang tua; pensiun cacat. */
  JP: ['hari_tua', 'kematian', 'cacat'],
  /** PP 37/2021 jo PP 6/2025: manfaat uang tunai. */
  JKP: ['uang_tunai'],
} as const satisfies Record<ProgramKlaim, readonly string[]>;

/** The kinds of one programme. */
export type JenisDari<P extends ProgramKlaim> = (typeof JENIS_KLAIM)[P][number];

/** A claim kind: the programme and one of its kinds (narrowing on `program` narrows `kind`). */
export type JenisKlaim = {
  [P in ProgramKlaim]: { readonly program: P; readonly kind: JenisDari<P> };
}[ProgramKlaim];

/** The kind as one string, `JKM/kematian`, for a flat exhaustive switch. */
export type KodeKlaim = { [P in ProgramKlaim]: `${P}/${JenisDari<P>}` }[ProgramKlaim];

export function kodeKlaim(j: JenisKlaim): KodeKlaim {
  return `${j.program}/${j.kind}` as KodeKlaim;
}

export function isJenisKlaim(program: ProgramKlaim, kind: string): boolean {
  return (JENIS_KLAIM[program] as readonly string[]).includes(kind);
}

/** The kind as the union; a kind the programme does not have is CLAIM_KIND_UNKNOWN. */
export function jenisKlaim(program: ProgramKlaim, kind: string): JenisKlaim {
  if (!isJenisKlaim(program, kind)) throw new AppError('CLAIM_KIND_UNKNOWN', { kind, program });
  return { program, kind } as JenisKlaim;
}

/** The end of every exhaustive switch on a claim kind: an unhandled kind does not compile. */
export function jenisTakTertangani(kind: never): never {
  throw new AppError('CLAIM_KIND_UNKNOWN', { kind: String(kind), program: String(kind).split('/')[0] ?? '' });
}
