// A validated set of parameters, looked up by id and the date a rule applies to.
import { AppError } from '../../errors.ts';
import { addDays } from '../calendar.ts';
import type { Parameter, ParameterValue } from './schema.ts';

export interface ResolvedValue extends ParameterValue {
  readonly id: string;
  readonly unit: Parameter['unit'];
}

/** Last day an entry is in force (inclusive), or null when it runs on. */
export function endOf(values: readonly ParameterValue[], i: number): string | null {
  const v = values[i];
  const next = values[i + 1];
  if (v?.until !== undefined) return v.until;
  return next ? addDays(next.date, -1) : null;
}

export class ParameterBook {
  constructor(private readonly params: ReadonlyMap<string, Parameter>) {}

  ids(): string[] {
    return [...this.params.keys()];
  }

  parameter(id: string): Parameter {
    const p = this.params.get(id);
    if (!p)
      throw new AppError('PARAMETER_FILE_INVALID', { file: id, detail: 'parameter tidak ada (unknown)' });
    return p;
  }

  /** Every entry in force on `date` (a sound book gives exactly one). */
  entriesOn(id: string, date: string): ResolvedValue[] {
    const p = this.parameter(id);
    return p.values
      .filter((v, i) => v.date <= date && (endOf(p.values, i) ?? '9999-12-31') >= date)
      .map((v) => ({ ...v, id, unit: p.unit }));
  }

  /** The value in force on `date`; before the first value (or in a gap) the rule is not in force. */
  at(id: string, date: string): ResolvedValue {
    const found = this.entriesOn(id, date);
    const last = found.at(-1);
    if (!last) throw new AppError('RULE_NOT_IN_FORCE', { rule: id, date });
    return last;
  }

  firstDate(id: string): string {
    return this.parameter(id).values[0]?.date ?? '9999-12-31';
  }
}
