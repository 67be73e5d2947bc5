// Registration of a (calon) Pekerja Migran Indonesia by the branch (issue 13, point 3): the person
// by NIK, a PMI membership (JKK, JKM) whose cover follows the three periods of Permenaker 4/2023,
// and the premium of Pasal 18 invoiced at once to who pays it — the placement agency (P3MI), or
// the worker themself for a PMI perseorangan — in one audited transaction.
import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import {
  insertPlacement,
  insertPmiParticipant,
  insertSelfPayer,
  issuePremiumInvoice,
  personName,
  upsertAgency,
} from '../db/pmi.ts';
import { PersonName } from '../hygiene.ts';
import { isValidDate } from '../rules/calendar.ts';
import { Explainer } from '../rules/explanation.ts';
import { PMI_CONTRACT_MONTHS_MAX } from '../rules/iuran/pmi.ts';
import { masaPerlindunganPmi } from '../rules/keanggotaan/pmi.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { admitPerson, heldAllowing } from './admit-person.ts';
import { calculateContribution } from './calculate.ts';
import { officeDate } from './clock.ts';
import { parseInput } from './list-employers.ts';
import { ruleBook } from './rule-book.ts';

const isoDate = z.string().refine(isValidDate, 'DATE_INVALID');

export const PmiInput = z.strictObject({
  nik: z.string().trim(),
  /** Needed only when the NIK is not yet in the registry. */
  fullName: PersonName.optional(),
  birthDate: isoDate.optional(),
  sex: z.enum(['L', 'P']).optional(),
  /** The worker's home village (desa/kelurahan): the membership belongs to it. */
  regionCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'a village code'),
  /** The placement agency (P3MI) by licence number; left out for a PMI perseorangan. */
  agency: z
    .strictObject({
      licenseNumber: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9][A-Z0-9./-]{2,39}$/, 'LICENSE_NUMBER_FORMAT'),
      name: z.string().trim().min(1).max(200),
    })
    .optional(),
  /** Placement country, ISO 3166-1 alpha-2 (MY, TW, HK, …). */
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  contractStart: isoDate,
  contractMonths: z.number().int().min(1).max(PMI_CONTRACT_MONTHS_MAX),
  departureDate: isoDate,
});
export type PmiInput = z.input<typeof PmiInput>;

/**
 * Registers a PMI (branch officer, permission pmi.register): the periods of cover from the rules
 * (refused when departure is not within the pre-departure window), the one-membership rule (an
 * active PU, BPU or PMI membership sharing JKK/JKM refuses it with its code), the participant, the
 * premium invoice with its ledger entry, the placement, and the audit row.
 */
export async function registerPmi(deps: Deps, actor: Actor, input: PmiInput) {
  requirePermission(actor, 'pmi.register');
  const p = parseInput(PmiInput, input);
  const at = deps.clock.now();
  const registeredOn = officeDate(at);
  const period = registeredOn.slice(0, 7);
  const ex = new Explainer(ruleBook().book);
  const masa = masaPerlindunganPmi(ex, { registeredOn, ...p });
  // Pasal 18: the package of the contract and every month beyond it, at the registration month's rates.
  const premium = calculateContribution({ segment: 'PMI', period, contractMonths: p.contractMonths });
  const basis = {
    period,
    contractMonths: p.contractMonths,
    lines: premium.lines,
    periods: masa,
    parameters: [...premium.explanation.parameters, ...ex.explanation().parameters],
    rules: [...premium.explanation.rules, ...ex.explanation().rules],
  };
  return deps.db.transaction(async (tx) => {
    const village = await requireInScope(tx, actor, 'village', p.regionCode);
    await admitPerson(
      tx,
      { nik: p.nik, fullName: p.fullName ?? null, birthDate: p.birthDate ?? null, sex: p.sex ?? null },
      at,
    );
    await heldAllowing(tx, p.nik, { segment: 'PMI', fundingSource: 'SELF', programs: ['JKK', 'JKM'] });
    const agency = p.agency
      ? await upsertAgency(tx, { ...p.agency, regionCode: village.code, by: actor.username, at })
      : null;
    const payerId =
      agency?.payerId ??
      (await insertSelfPayer(tx, { name: (await personName(tx, p.nik))!, regionCode: village.code, at }));
    const participant = await insertPmiParticipant(tx, {
      nik: p.nik,
      payerId,
      regionCode: village.code,
      coverFrom: masa.cover.from,
      coverTo: masa.cover.to,
      actor: actor.username,
      at,
      kpjYear: Number(registeredOn.slice(0, 4)),
    });
    const regencyCode = village.code.slice(0, 5);
    // Payable at registration: regulations.md names no later due date for the PMI premium.
    const invoice = await issuePremiumInvoice(tx, {
      regencyCode,
      period,
      payerId,
      participantId: participant.id,
      dueDate: registeredOn,
      lines: premium.lines.map((l) => ({ ...l, payerRole: l.payer })),
      at,
    });
    await insertPlacement(tx, {
      participantId: participant.id,
      regencyCode,
      agencyId: agency?.id ?? null,
      countryCode: p.countryCode,
      contractStart: p.contractStart,
      contractMonths: p.contractMonths,
      departureDate: p.departureDate,
      registeredOn,
      placementEnd: masa.selama.to,
      postPlacementEnd: masa.setelah.to,
      premiumRp: invoice.totalRp,
      premiumBasis: basis,
      invoiceId: invoice.id,
      by: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'pmi.register',
      entity: 'participant',
      entityId: String(participant.id),
      regionCode: village.code,
      after: {
        kpj: participant.kpj,
        nik: p.nik,
        agency: agency?.licenseNumber ?? null,
        agencyCreated: agency?.created ?? false,
        countryCode: p.countryCode,
        contractStart: p.contractStart,
        contractMonths: p.contractMonths,
        departureDate: p.departureDate,
        cover: masa.cover,
        invoice: invoice.number,
        premiumRp: invoice.totalRp,
      },
    });
    const placement = await requireInScope(tx, actor, 'pmi_placement', participant.kpj);
    return { placement, periods: masa, lines: premium.lines };
  });
}
