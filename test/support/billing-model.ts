// A small in-memory model of billing, payments and allocation, for the property test: what the
// database should hold after each enrol / bill / pay / reverse step, computed the plain way.

/** A village worker's month: JKK Rp10,000 + JKM Rp6,800 (PP 44/2015). */
export const MONTH_RP = 16_800;

export interface ModelInvoice {
  seq: number;
  payer: string;
  period: string;
  kind: 'regular' | 'adjustment';
  totalRp: number;
  lines: number;
  allocatedRp: number;
}

export interface ModelPayment {
  key: string;
  payer: string;
  amountRp: number;
  reference: string;
  reversed: boolean;
  dbId: number;
}

/** The next month of a YYYY-MM period. */
export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export class BillingModel {
  /** Active participants per payer key ("village:53.04.01.2001", "regency:53.04"). */
  readonly active = new Map<string, number>();
  /** Per billed period, the participants billed per payer so far. */
  readonly billed = new Map<string, Map<string, number>>();
  readonly invoices: ModelInvoice[] = [];
  readonly payments: ModelPayment[] = [];
  /** Net money received per payer (payments minus reversals). */
  readonly paidRp = new Map<string, number>();
  /** Payers whose money was last matched after their newest invoice (see allocatedIsSettled). */
  readonly settledSinceInvoice = new Set<string>();
  lastPeriod: string | null = null;
  nextSerial = 1;

  payers(): string[] {
    return [...this.active.keys()].sort();
  }

  enrol(payer: string, n: number): number {
    const serialStart = this.nextSerial;
    this.nextSerial += n;
    this.active.set(payer, (this.active.get(payer) ?? 0) + n);
    return serialStart;
  }

  /** Bills a period (first time or again): one invoice per payer whose participant count changed. */
  bill(period: string): ModelInvoice[] {
    const before = this.billed.get(period) ?? new Map<string, number>();
    const kind = this.invoices.some((i) => i.period === period) ? 'adjustment' : 'regular';
    const issued: ModelInvoice[] = [];
    for (const payer of this.payers()) {
      const delta = this.active.get(payer)! - (before.get(payer) ?? 0);
      if (delta === 0) continue;
      issued.push({
        seq: this.invoices.length + issued.length,
        payer,
        period,
        kind,
        totalRp: delta * MONTH_RP,
        lines: 2 * delta,
        allocatedRp: 0,
      });
      this.settledSinceInvoice.delete(payer);
    }
    this.invoices.push(...issued);
    this.billed.set(period, new Map(this.active));
    if (!this.lastPeriod || period > this.lastPeriod) this.lastPeriod = period;
    return issued;
  }

  invoicedRp(payer: string): number {
    return this.invoices.filter((i) => i.payer === payer).reduce((s, i) => s + i.totalRp, 0);
  }

  allocatedRp(payer: string): number {
    return this.invoices.filter((i) => i.payer === payer).reduce((s, i) => s + i.allocatedRp, 0);
  }

  /** What the payer still owes on its invoices (never below zero). */
  openRp(payer: string): number {
    return Math.max(0, this.invoicedRp(payer) - (this.paidRp.get(payer) ?? 0));
  }

  pay(p: Omit<ModelPayment, 'reversed'>): void {
    this.payments.push({ ...p, reversed: false });
    this.paidRp.set(p.payer, (this.paidRp.get(p.payer) ?? 0) + p.amountRp);
    this.rebalance(p.payer);
  }

  reverse(payment: ModelPayment): void {
    payment.reversed = true;
    this.paidRp.set(payment.payer, this.paidRp.get(payment.payer)! - payment.amountRp);
    this.rebalance(payment.payer);
  }

  /**
   * Free money settles open invoices oldest first (due date = period, then issue order); money
   * taken back releases the newest settled invoices first. Earlier allocations are never moved.
   */
  private rebalance(payer: string): void {
    const mine = this.invoices.filter((i) => i.payer === payer && i.totalRp > 0);
    let free = (this.paidRp.get(payer) ?? 0) - mine.reduce((s, i) => s + i.allocatedRp, 0);
    const oldestFirst = [...mine].sort((a, b) => a.period.localeCompare(b.period) || a.seq - b.seq);
    if (free > 0) {
      for (const i of oldestFirst) {
        const take = Math.min(free, i.totalRp - i.allocatedRp);
        i.allocatedRp += take;
        free -= take;
      }
    } else if (free < 0) {
      for (const i of oldestFirst.reverse()) {
        const give = Math.min(-free, i.allocatedRp);
        i.allocatedRp -= give;
        free += give;
      }
    }
    this.settledSinceInvoice.add(payer);
  }

  /**
   * True when the payer's money has been matched since its newest invoice: only then must
   * allocated = min(paid, invoiced). A billing run issues invoices without touching allocations,
   * so credit waits for the payer's next payment or reversal.
   */
  allocatedIsSettled(payer: string): boolean {
    return this.settledSinceInvoice.has(payer);
  }
}
