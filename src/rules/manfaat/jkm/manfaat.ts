// Manfaat JKM (death not from a work accident) — PP 82/2019; fact sheet §3.1.
import type { IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatRp } from '../../format.ts';
import type { ParameterBook } from '../../params/book.ts';
import { alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';
import { type Anak, beasiswa } from './beasiswa.ts';

export interface ManfaatJkmInput {
  readonly eventDate: IsoDate;
  readonly contributionMonths?: number;
  readonly children?: readonly Anak[];
}

export function manfaatJkm(book: ParameterBook, input: ManfaatJkmInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  const ref = d >= '2019-12-02' ? 'PP 82/2019' : 'PP 44/2015';
  const components: Komponen[] = [
    ['santunan_sekaligus', 'jkm.santunan_sekaligus'],
    ['santunan_berkala', 'jkm.santunan_berkala'],
    ['biaya_pemakaman', 'jkm.biaya_pemakaman'],
  ].map(([name, id]) => {
    const amount = ex.rupiah(id as string, d);
    const basis = `${formatRp(amount)} — ${ref}`;
    return { name: name as string, amountRp: amount, basis, basisEn: basis };
  });
  const reasons = [
    alasan(
      'jkm_peserta_aktif',
      'Santunan JKM dibayar kepada ahli waris peserta aktif yang meninggal bukan karena kecelakaan kerja.',
      'JKM is paid to the heirs of an active participant who died other than from a work accident.',
    ),
  ];
  if (input.children && input.children.length > 0) {
    const months = wajib(input.contributionMonths, 'contributionMonths', 'beasiswa JKM');
    const minMonths = ex.int('jkm.beasiswa_masa_iur_minimum_bulan', d);
    if (months >= minMonths) {
      const b = beasiswa(ex, d, input.children);
      components.push(...b.components);
      reasons.push(...b.reasons);
    } else {
      reasons.push(
        alasan(
          'beasiswa_masa_iur',
          `Beasiswa memerlukan masa iur paling singkat ${minMonths} bulan.`,
          `The scholarship needs at least ${minMonths} months of contributions.`,
        ),
      );
    }
  }
  ex.apply(
    'manfaat.jkm',
    ref,
    'Santunan sekaligus + santunan berkala + biaya pemakaman (+ beasiswa).',
    'Lump sum + periodic benefit paid at once + funeral costs (+ scholarship).',
  );
  return hasil(ex, true, components, reasons);
}
