// Services take the time from a Clock so tests can freeze it; rules take dates as arguments.

export interface Clock {
  /** Current instant as an ISO 8601 UTC string. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t).toISOString(),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** The office's calendar date (Belu, NTT: WITA, Asia/Makassar) for an instant. */
export function officeDate(iso: string, timeZone = 'Asia/Makassar'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}
