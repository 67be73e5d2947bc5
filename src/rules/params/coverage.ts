// Temporal coverage (Catala style): on every day of a window, a parameter must have exactly one
// value in force. Problems are reported once per month.
import { addDays, dayNumber } from '../calendar.ts';
import { endOf, type ParameterBook } from './book.ts';

export interface CoverageProblem {
  readonly id: string;
  readonly month: string;
  readonly kind: 'gap' | 'overlap';
}

const FAR_FUTURE = dayNumber('9999-12-31');

/**
 * Walk every day from max(`from`, the parameter's first date) to `to` (inclusive) and report the
 * months in which some day has no value (gap) or more than one (overlap).
 */
export function coverageProblems(
  book: ParameterBook,
  id: string,
  from: string,
  to: string,
): CoverageProblem[] {
  const values = book.parameter(id).values;
  const intervals = values.map((v, i) => {
    const end = endOf(values, i);
    return [dayNumber(v.date), end === null ? FAR_FUTURE : dayNumber(end)] as const;
  });
  const first = values[0]?.date ?? from;
  const start = from > first ? from : first;
  const problems = new Map<string, CoverageProblem>();
  const last = dayNumber(to);
  let date = start;
  for (let d = dayNumber(start); d <= last; d++, date = addDays(date, 1)) {
    const count = intervals.filter(([a, b]) => a <= d && d <= b).length;
    if (count === 1) continue;
    const kind = count === 0 ? 'gap' : 'overlap';
    const month = date.slice(0, 7);
    problems.set(`${month}:${kind}`, { id, month, kind });
  }
  return [...problems.values()];
}
