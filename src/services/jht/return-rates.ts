import { recordAudit } from '../../db/audit.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Deps } from '../actor.ts';

export interface ReturnRateInput {
  year: number;
  /** As announced by BPJS Ketenagakerjaan, in basis points (5.25% = 525). */
  rateBp: number;
  /** Where the figure comes from: the announcement, its date, a letter number. */
  source: string;
}

export interface ReturnRate {
  year: number;
  rateBp: number;
  source: string;
  enteredBy: string;
  enteredAt: string;
}

/**
 * Enters (or corrects) a year's JHT return rate. Once returns of that year have been credited
 * the rate can no longer change: the credits would no longer match it.
 */
export async function setJhtReturnRate(deps: Deps, actor: Actor, input: ReturnRateInput) {
  if (!actor.permissions.includes('jht.rates.manage')) throw new AppError('FORBIDDEN');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  if (!Number.isInteger(input.rateBp) || input.rateBp < 0 || input.rateBp > 10_000)
    throw new AppError('VALIDATION_FAILED', { detail: 'rateBp: 0–10000 basis points' });
  const source = input.source.trim();
  if (source.length < 3 || source.length > 300)
    throw new AppError('VALIDATION_FAILED', { detail: 'source: the announcement, 3–300 characters' });
  return deps.db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('jht-rate:' || $1))`, [input.year]);
    const before = (
      await tx.query<{ rateBp: number; source: string }>(
        'SELECT rate_bp AS "rateBp", source FROM jht_return_rate WHERE year = $1',
        [input.year],
      )
    ).rows[0];
    if (before && before.rateBp !== input.rateBp) {
      const used = await tx.query(`SELECT 1 FROM jht_entry WHERE kind = 'return' AND year = $1 LIMIT 1`, [
        input.year,
      ]);
      if (used.rowCount > 0) throw new AppError('JHT_RATE_IN_USE', { year: input.year });
    }
    const at = deps.clock.now();
    const r = await tx.query<ReturnRate>(
      `INSERT INTO jht_return_rate (year, rate_bp, source, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year) DO UPDATE SET rate_bp = EXCLUDED.rate_bp, source = EXCLUDED.source,
         entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at
       RETURNING year, rate_bp AS "rateBp", source, entered_by AS "enteredBy", entered_at AS "enteredAt"`,
      [input.year, input.rateBp, source, actor.username, at],
    );
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'jht.return_rate.set',
      entity: 'jht_return_rate',
      entityId: String(input.year),
      before: before ?? null,
      after: { rateBp: input.rateBp, source },
    });
    return r.rows[0]!;
  });
}

export async function listJhtReturnRates(deps: Deps, actor: Actor) {
  if (!actor.permissions.includes('jht.read') && !actor.permissions.includes('jht.rates.manage'))
    throw new AppError('FORBIDDEN');
  const r = await deps.db.query<ReturnRate>(
    `SELECT year, rate_bp AS "rateBp", source, entered_by AS "enteredBy", entered_at AS "enteredAt"
     FROM jht_return_rate ORDER BY year DESC`,
  );
  return { rates: r.rows };
}
