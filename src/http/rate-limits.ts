// Request limits per client address (req.ip: proxy-aware through the trusted proxies of
// trustedProxies in server.ts), through @fastify/rate-limit. Every route shares a generous limit counted in
// memory; the groups in PERSISTENT_GROUPS are counted in the database instead, so a restart does
// not forget them and no number of addresses clears them (the public card check, L4).
import { createHash } from 'node:crypto';
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { countHit, pruneWindows } from '../db/rate-limit.ts';
import { AppError } from '../errors.ts';
import type { Deps } from '../services/actor.ts';

/** The public card check: its requests per address per minute are counted in the database. */
export const PUBLIC_VERIFY_GROUP = 'public-verify';
const PERSISTENT_GROUPS = new Set([PUBLIC_VERIFY_GROUP]);

/** Requests per address per minute on any route (default); LINDUNG_RATE_LIMIT_PER_MINUTE. */
export const DEFAULT_RATE_PER_MINUTE = 3000;

type Incr = (
  key: string,
  cb: (e: Error | null, r?: { current: number; ttl: number }) => void,
  windowMs: number,
) => void;

/** One limit's counter: in memory, or in the database for PERSISTENT_GROUPS. */
class RateLimitStore {
  constructor(
    private readonly counter: Incr,
    private readonly counterFor: (groupId: string | undefined) => Incr,
  ) {}

  incr(key: string, cb: Parameters<Incr>[1], windowMs: number): void {
    this.counter(key, cb, windowMs);
  }

  child(params: { groupId?: string }): RateLimitStore {
    return new RateLimitStore(this.counterFor(params.groupId), this.counterFor);
  }
}

/** Fixed windows in memory; windows that have ended are dropped as the next window starts. */
function memoryStore(now: () => number): Incr {
  const windows = new Map<string, { start: number; count: number }>();
  let swept = 0;
  return (key, cb, windowMs) => {
    const t = now();
    const start = t - (t % windowMs);
    if (start !== swept) {
      for (const [k, w] of windows) if (w.start < start) windows.delete(k);
      swept = start;
    }
    const w = windows.get(key);
    if (w && w.start === start) w.count++;
    else windows.set(key, { start, count: 1 });
    cb(null, { current: windows.get(key)!.count, ttl: start + windowMs - t });
  };
}

/** Fixed windows in rate_limit_window: one atomic upsert per request. */
function databaseStore(deps: Deps, now: () => number): Incr {
  let pruned = 0;
  return (key, cb, windowMs) => {
    const t = now();
    const start = t - (t % windowMs);
    const keyHash = createHash('sha256').update(key).digest('hex');
    (async () => {
      if (start !== pruned) {
        pruned = start;
        await pruneWindows(deps.db, new Date(start - windowMs).toISOString());
      }
      return countHit(deps.db, keyHash, new Date(start).toISOString());
    })().then(
      (current) => cb(null, { current, ttl: start + windowMs - t }),
      (e: Error) => cb(e),
    );
  };
}

function storeClass(deps: Deps): FastifyRateLimitStoreCtor {
  const now = () => Date.parse(deps.clock.now());
  const memory = memoryStore(now);
  const database = databaseStore(deps, now);
  const counterFor = (groupId: string | undefined) =>
    groupId && PERSISTENT_GROUPS.has(groupId) ? database : memory;
  // @fastify/rate-limit constructs the store itself, with `new` and no arguments of ours.
  return class extends RateLimitStore {
    constructor() {
      super(memory, counterFor);
    }
  } as unknown as FastifyRateLimitStoreCtor;
}

export async function registerRateLimits(app: FastifyInstance, deps: Deps, perMinute: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    store: storeClass(deps),
    // Our error handler answers it as a catalog error (429 RATE_LIMITED, in the caller's language).
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) }),
  });
}
