// One mapping of PostgreSQL values to JS for both drivers: bigint money as a safe integer
// number (never a float, never silently rounded), dates as YYYY-MM-DD strings, timestamps as
// UTC ISO strings.

export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} exceeds the safe integer range`);
  return n;
}

export function parseDate(text: string): string {
  return text;
}

export function parseTimestamptz(text: string): string {
  // PostgreSQL text form "2026-11-24 12:00:00.123+00"; make it ISO 8601 and normalise to UTC.
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso).toISOString();
}

export const PARSERS: Record<number, (text: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.DATE]: parseDate,
  [OID.TIMESTAMPTZ]: parseTimestamptz,
};
