import { recordAudit } from '../db/audit.ts';
import { billableTariffKeys } from '../db/billable.ts';
import { billingDiffSummary, computeBillingDiff, issueInvoices, type TariffLines } from '../db/billing.ts';
import { invoicesOfRun } from '../db/invoices.ts';
import { addLateFees, overdueEmployerInvoices } from '../db/late-fees.ts';
import { lockKey } from '../db/locks.ts';
import { ensureInvoiceLinePartitions, ensureOfficeMonthPartitions } from '../db/partitions.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { lastDayOf } from '../rules/calendar.ts';
import { Explainer } from '../rules/explanation.ts';
import { formatBp, formatRp } from '../rules/format.ts';
import { dendaPu } from '../rules/iuran/denda.ts';
import { jatuhTempoPu } from '../rules/iuran/jatuh-tempo.ts';
import type { Rupiah } from '../rules/money.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { billingBudgetWarnings } from './budget-check.ts';
import { expireBudgetYears, gateUnfundedPayers, type NotBilled } from './budget-year-end.ts';
import { calculateContribution } from './calculate.ts';
import { CONTRIBUTION_PROGRAMS } from './calculation-schemas.ts';
import { officeDate } from './clock.ts';
import { ruleBook } from './rule-book.ts';
import { requireOpenPeriod, requirePeriodNotFuture } from './time-guards.ts';

/** Each distinct contribution input is computed once by the rules; SQL then applies it to every participant. */
function tariffFor(period: string, keys: Awaited<ReturnType<typeof billableTariffKeys>>): TariffLines {
  const t: TariffLines = {
    segment: [],
    wageRp: [],
    riskGroup: [],
    fundingSource: [],
    programs: [],
    program: [],
    payerRole: [],
    amountRp: [],
    basis: [],
    dueDate: [],
  };
  for (const k of keys) {
    const result = calculateContribution({
      segment: k.segment,
      period,
      wageRp: k.wageRp,
      ...(k.segment === 'PU' ? { riskGroup: k.riskGroup } : {}),
      // JKP is funded by the government and recomposition, never billed (PP 37/2021 Pasal 11).
      programs: k.programs.filter((p) =>
        CONTRIBUTION_PROGRAMS.includes(p as (typeof CONTRIBUTION_PROGRAMS)[number]),
      ),
      fundingSource: k.fundingSource,
    });
    for (const line of result.lines) {
      if (line.amountRp === 0) continue;
      t.segment.push(k.segment);
      t.wageRp.push(k.wageRp);
      t.riskGroup.push(k.riskGroup);
      t.fundingSource.push(k.fundingSource);
      t.programs.push(k.programs.join(','));
      t.program.push(line.program);
      t.payerRole.push(line.payer);
      t.amountRp.push(line.amountRp);
      t.basis.push(line.basis);
      t.dueDate.push(result.dueDate ?? lastDayOf(period));
    }
  }
  return t;
}

/**
 * PU late fees (fact sheet §2.5: 2% of the overdue contribution per month late, borne by the
 * employer, paid with the next remittance): for each employer invoice still open past its due
 * date, the fee accrued as of today on its contribution lines only — per programme, never on an
 * earlier late fee — minus what earlier runs already charged on it.
 */
async function lateFees(tx: Queryable, regencyCode: string, period: string, asOf: string): Promise<void> {
  const overdue = await overdueEmployerInvoices(tx, regencyCode, period, asOf);
  const fees = { invoiceId: [] as number[], amountRp: [] as number[], basis: [] as string[] };
  for (const o of overdue) {
    const ex = new Explainer(ruleBook().book);
    const iuran = o.contributions.map((c) => ({ program: c.program, iuranRp: c.amountRp as Rupiah }));
    const denda = dendaPu(ex, o.period, iuran, asOf, o.openContributionRp as Rupiah);
    if (denda.totalRp - o.chargedRp <= 0) continue;
    fees.invoiceId.push(o.invoiceId);
    fees.amountRp.push(denda.totalRp - o.chargedRp);
    const parts = denda.lines.map(
      (l) => `${l.program} ${formatBp(l.rateBp)} × ${formatRp(l.iuranRp)} (${l.basis})`,
    );
    fees.basis.push(
      `denda ${denda.monthsLate} bulan atas iuran ${o.period} (jatuh tempo ${denda.dueDate}) per ${asOf}: ${parts.join('; ')}`,
    );
  }
  if (fees.invoiceId.length === 0) return;
  await addLateFees(tx, { ...fees, dueDate: jatuhTempoPu(new Explainer(ruleBook().book), period) });
}

export interface BillingInput {
  regencyCode: string;
  period: string;
  onProgress?: (msg: string) => void;
}

/**
 * The monthly billing run of a regency: one transaction (all of it lands or none), idempotent
 * (a re-run issues only adjustment lines for what changed, or nothing), set-based.
 */
export async function runBilling(deps: Deps, actor: Actor, input: BillingInput) {
  requirePermission(actor, 'billing.run');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'period: YYYY-MM' });
  }
  await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  requirePeriodNotFuture(deps.clock, 'period', input.period);
  const progress = input.onProgress ?? (() => undefined);
  const periodEnd = lastDayOf(input.period);
  const version = ruleBook().version;
  // The period's invoice_line partition and the next two months', in a statement of their own:
  // creating one locks invoice_line, which must not last as long as the run (0029).
  await ensureInvoiceLinePartitions(deps.db, [input.period], 2);
  // The ledger's and claim events' month of the run and the next two (0035, 0036).
  await ensureOfficeMonthPartitions(deps.db, deps.clock.now());
  return deps.db.transaction(async (tx) => {
    // One run per regency and period at a time; a second caller waits, then finds nothing new.
    await lockKey(tx, `billing:${input.regencyCode}:${input.period}`);
    // A closed period's invoices are history (docs/periods.md): no run, not even an adjustment.
    await requireOpenPeriod(tx, input.regencyCode, 'period', input.period);
    // Cover whose budget year ended before this period without renewal ends first (1 January).
    const membershipsEnded = await expireBudgetYears(tx, {
      regencyCode: input.regencyCode,
      throughYear: Number(input.period.slice(0, 4)) - 1,
      actor: actor.username,
      at: deps.clock.now(),
    });
    progress('reading tariff keys…');
    let notBilled: NotBilled[] = [];
    const keys = await billableTariffKeys(tx, input.regencyCode, periodEnd, input.period, async () => {
      notBilled = await gateUnfundedPayers(tx, {
        regencyCode: input.regencyCode,
        period: input.period,
        periodEnd,
      });
    });
    for (const n of notBilled)
      progress(
        `not billed: ${n.payerName} (${n.participants} participants): no allocation in force for ${n.period}`,
      );
    const tariff = tariffFor(input.period, keys);
    progress(`${keys.length} distinct contribution inputs computed by the rules`);
    await computeBillingDiff(tx, { regencyCode: input.regencyCode, period: input.period, periodEnd, tariff });
    await lateFees(tx, input.regencyCode, input.period, officeDate(deps.clock.now()));
    const diff = await billingDiffSummary(tx, input.regencyCode, input.period);
    if (diff.lines === 0) {
      progress('nothing new to bill');
      const warnings = await billingBudgetWarnings(tx, input.regencyCode, input.period);
      return {
        runId: null,
        kind: null,
        participants: 0,
        lines: 0,
        totalRp: 0,
        invoices: [],
        warnings,
        notBilled,
        membershipsEnded,
      };
    }
    const kind = diff.previous > 0 ? ('adjustment' as const) : ('regular' as const);
    progress(`issuing ${kind} invoices: ${diff.lines} lines for ${diff.participants} participants…`);
    const at = deps.clock.now();
    const runId = await issueInvoices(tx, {
      regencyCode: input.regencyCode,
      period: input.period,
      rulesVersion: version,
      kind,
      actor: actor.username,
      at,
      participants: diff.participants,
    });
    const invoices = await invoicesOfRun(tx, runId);
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'billing.run',
      entity: 'billing_run',
      entityId: String(runId),
      regionCode: input.regencyCode,
      after: {
        period: input.period,
        kind,
        rulesVersion: version,
        lines: diff.lines,
        totalRp: diff.total,
        invoices: invoices.length,
      },
    });
    progress(`done: ${invoices.length} invoices, total Rp ${diff.total}`);
    return {
      runId,
      kind,
      participants: diff.participants,
      lines: diff.lines,
      totalRp: Number(diff.total),
      invoices,
      // Payers this run leaves over budget (or quota) for the year: a warning, never a refusal.
      warnings: await billingBudgetWarnings(tx, input.regencyCode, input.period),
      // Budget-funded payers left out: no allocation of their own in force for the period.
      notBilled,
      membershipsEnded,
    };
  });
}
