// Registration of one self-paying informal worker (BPU mandiri, issue 13 point 1) by the branch or
// the worker's village, at the counter or on the worker's behalf: the person by NIK, the declared
// income, JKK + JKM with JHT optional (PP 44/2015 Pasal 5; BPU has no JP), how many months are
// paid at once, and a personal payment code — or collection by an agent (a Perisai-style
// collector) whose payer the monthly billing run bills. One audited transaction.
import { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import { agentPayer, insertBpuMembers, personalPayers } from '../../db/bpu.ts';
import { PersonName } from '../../hygiene.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { admitPerson, heldAllowing } from '../admit-person.ts';
import { officeDate } from '../clock.ts';
import { parseInput } from '../list-employers.ts';
import { iuranForMonths } from './iuran-months.ts';

export const BPU_FREQUENCIES = [1, 3, 6, 12] as const;

export const BpuInput = z.strictObject({
  nik: z.string().trim(),
  /** Needed only when the NIK is not yet in the registry. */
  fullName: PersonName.optional(),
  birthDate: z.string().refine(isValidDate, 'DATE_INVALID').optional(),
  sex: z.enum(['L', 'P']).optional(),
  occupation: z.string().trim().min(1).max(100).optional(),
  /** The worker's village (desa/kelurahan). */
  regionCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'a village code'),
  /** Penghasilan per bulan; below Rp 1.000.000 the minimum is the base (PP 44/2015 Lampiran II). */
  declaredIncomeRp: z.number().int().positive().max(1_000_000_000),
  /** JHT is optional for BPU (PP 46/2015); JKK and JKM always. */
  jht: z.boolean().default(false),
  /** Months paid at once: 1, 3, 6 or 12. */
  frequencyMonths: z.literal(BPU_FREQUENCIES),
  /** A collector (agent) who collects this member's contributions with others'; left out: the member pays. */
  agentName: z.string().trim().min(3).max(120).optional(),
});
export type BpuInput = z.input<typeof BpuInput>;

export async function registerBpu(deps: Deps, actor: Actor, input: BpuInput) {
  requirePermission(actor, 'bpu.register');
  const p = parseInput(BpuInput, input);
  const at = deps.clock.now();
  const today = officeDate(at);
  const programs = p.jht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'];
  const terms = { declaredIncomeRp: p.declaredIncomeRp, programs };
  // What one payment at the chosen frequency comes to, from the registration month.
  const firstPayment = iuranForMonths(terms, today.slice(0, 7), p.frequencyMonths);
  return deps.db.transaction(async (tx) => {
    const village = await requireInScope(tx, actor, 'village', p.regionCode);
    await admitPerson(
      tx,
      { nik: p.nik, fullName: p.fullName ?? null, birthDate: p.birthDate ?? null, sex: p.sex ?? null },
      at,
    );
    await heldAllowing(tx, p.nik, { segment: 'BPU', fundingSource: 'SELF', programs });
    const member = {
      nik: p.nik,
      fullName: p.fullName ?? null,
      birthDate: p.birthDate ?? null,
      sex: p.sex ?? null,
      occupation: p.occupation ?? null,
      address: null,
      regionCode: village.code,
      since: today,
      incomeRp: p.declaredIncomeRp,
      programs,
      frequencyMonths: p.frequencyMonths,
    };
    const payerIds = p.agentName
      ? [await agentPayer(tx, { name: p.agentName, regionCode: village.code, at })]
      : await personalPayers(tx, [member], at);
    const [made] = await insertBpuMembers(tx, {
      members: [member],
      payerIds,
      agentName: p.agentName ?? null,
      registeredOn: today,
      reason: 'BPU mandiri: registered',
      actor: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'bpu.register',
      entity: 'participant',
      entityId: String(made!.id),
      regionCode: village.code,
      after: {
        kpj: made!.kpj,
        paymentCode: made!.paymentCode,
        declaredIncomeRp: p.declaredIncomeRp,
        programs,
        frequencyMonths: p.frequencyMonths,
        agentName: p.agentName ?? null,
      },
    });
    const registration = await requireInScope(tx, actor, 'bpu_registration', made!.kpj);
    return { registration, firstPayment };
  });
}
