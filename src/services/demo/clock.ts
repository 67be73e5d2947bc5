import type { Clock } from '../clock.ts';

/** The demo is history: each step runs with the clock set to the day it happened. */
export interface DemoClock extends Clock {
  /** `day` YYYY-MM-DD at `hour` WITA (UTC+8). */
  set(day: string, hour?: number): void;
}

export function demoClock(): DemoClock {
  let now = '2022-11-01T01:00:00.000Z';
  return {
    now: () => now,
    set(day, hour = 9) {
      now = new Date(Date.parse(`${day}T00:00:00.000Z`) + (hour - 8) * 3_600_000).toISOString();
    },
  };
}
