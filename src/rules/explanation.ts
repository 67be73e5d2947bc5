// Every result says which rules were applied, which parameter values were used and their legal
// basis, in Bahasa Indonesia and English. The Explainer reads parameters and records each use.
import { AppError } from '../errors.ts';
import { type Rupiah, rp } from './money.ts';
import type { ParameterBook, ResolvedValue } from './params/book.ts';

export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

export interface RuleApplied {
  readonly rule: string;
  readonly text: Bilingual;
  readonly basis: string;
}

export interface ParameterUsed {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly value: unknown;
  readonly unit: string;
  readonly reference: string;
  readonly status?: string;
  readonly note?: string;
}

export interface Explanation {
  readonly rules: RuleApplied[];
  readonly parameters: ParameterUsed[];
}

export class Explainer {
  private readonly rules: RuleApplied[] = [];
  private readonly used = new Map<string, ParameterUsed>();

  constructor(readonly book: ParameterBook) {}

  /** The resolved entry, recorded; null values are allowed (declared unknown). */
  entry(id: string, date: string): ResolvedValue {
    const v = this.book.at(id, date);
    const key = `${id}@${v.date}`;
    if (!this.used.has(key)) {
      this.used.set(key, {
        id,
        effectiveFrom: v.date,
        value: v.value,
        unit: v.unit,
        reference: v.reference,
        ...(v.status ? { status: v.status } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
    }
    return v;
  }

  /** The value, or null when the parameter is declared unknown on that date. */
  maybe<T>(id: string, date: string): T | null {
    return this.entry(id, date).value as T | null;
  }

  value<T>(id: string, date: string): T {
    const v = this.maybe<T>(id, date);
    if (v === null) throw new AppError('PARAMETER_VALUE_UNKNOWN', { rule: id, date });
    return v;
  }

  int(id: string, date: string): number {
    return this.value<number>(id, date);
  }

  rupiah(id: string, date: string): Rupiah {
    return rp(this.int(id, date), id);
  }

  bool(id: string, date: string): boolean {
    return this.value<boolean>(id, date);
  }

  apply(rule: string, basis: string, id: string, en: string): void {
    this.rules.push({ rule, basis, text: { id, en } });
  }

  explanation(): Explanation {
    return { rules: [...this.rules], parameters: [...this.used.values()] };
  }
}
