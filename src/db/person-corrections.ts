// Corrections of a person's data by maker-checker (issue 12): the proposal, the checks its new
// values must pass (the enrolment's NIK rules, uniqueness, possible duplicates), the queue and the
// decision that changes the person row.
import { AppError, isAppError } from '../errors.ts';
import type { Queryable } from './types.ts';

export const CORRECTION_FIELDS = ['fullName', 'birthDate', 'sex', 'nik'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export type CorrectionStatus = 'pending' | 'approved' | 'rejected';

/** A person's correctable data. */
export interface PersonData {
  fullName: string;
  birthDate: string;
  sex: 'L' | 'P';
  nik: string;
}

export interface PersonForCorrection extends PersonData {
  personId: number;
  participantId: number;
  kpj: string;
  regionCode: string;
  regencyCode: string;
}

/** The person behind a participant, locked for the rest of the transaction. */
export async function lockPersonOf(q: Queryable, participantId: number): Promise<PersonForCorrection | null> {
  const r = await q.query<PersonForCorrection>(
    `SELECT p.id AS "personId", pa.id AS "participantId", pa.kpj, p.full_name AS "fullName",
            p.birth_date::text AS "birthDate", p.sex, p.nik, pa.region_code AS "regionCode",
            pa.regency_code AS "regencyCode"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE pa.id = $1
     FOR UPDATE OF p`,
    [participantId],
  );
  return r.rows[0] ?? null;
}

/** What the database says about a person's data as it would be after a correction. */
export interface CorrectionFacts {
  /** nik_problems(): the enrolment's NIK structure and birth date / sex consistency codes. */
  nikProblems: string[];
  /** The NIK's region (first six digits) is in today's region list. */
  nikRegionKnown: boolean;
  /** Another person holds the NIK: null when none; else whether that person is in the scopes. */
  nikHolderInScope: boolean | null;
  /** Another pending correction proposes the same NIK. */
  nikPendingElsewhere: boolean;
  /** A valid row of an enrolment batch still in progress carries the NIK. */
  nikInOpenBatch: boolean;
  /** Other persons with the same name key and birth date: in the scopes / outside them. */
  twinsInScope: number;
  twinsOutside: number;
}

/** One statement: every check a person's data goes through at enrolment, for one person. */
export async function correctionFacts(
  q: Queryable,
  a: { personId: number; data: PersonData; scopes: readonly string[]; correctionId?: number | null },
): Promise<CorrectionFacts> {
  const d = a.data;
  const r = await q.query<CorrectionFacts>(
    `SELECT nik_problems($2, $3::date, $4) AS "nikProblems",
            EXISTS (SELECT 1 FROM region g
                    WHERE g.code = substr($2, 1, 2) || '.' || substr($2, 3, 2) || '.' || substr($2, 5, 2))
              AS "nikRegionKnown",
            (SELECT bool_or(region_in_scope(o.region_code, $6::text[])) FROM person o
             WHERE o.nik = $2 AND o.id <> $1) AS "nikHolderInScope",
            EXISTS (SELECT 1 FROM person_correction c
                    WHERE c.new_nik = $2 AND c.status = 'pending' AND c.id IS DISTINCT FROM $7::bigint)
              AS "nikPendingElsewhere",
            EXISTS (SELECT 1 FROM enrolment_row er JOIN enrolment_batch b ON b.id = er.batch_id
                    WHERE er.nik = $2 AND er.state = 'valid'
                      AND b.status IN ('draft', 'submitted', 'verified')
                      AND NOT EXISTS (SELECT 1 FROM person s WHERE s.id = $1 AND s.nik = $2))
              AS "nikInOpenBatch",
            (SELECT count(*) FILTER (WHERE region_in_scope(t.region_code, $6::text[]))::int FROM person t
             WHERE t.name_key = name_key($5) AND t.birth_date = $3::date AND t.id <> $1) AS "twinsInScope",
            (SELECT count(*) FILTER (WHERE NOT coalesce(region_in_scope(t.region_code, $6::text[]), false))::int
             FROM person t
             WHERE t.name_key = name_key($5) AND t.birth_date = $3::date AND t.id <> $1) AS "twinsOutside"`,
    [a.personId, d.nik, d.birthDate, d.sex, d.fullName, a.scopes, a.correctionId ?? null],
  );
  return r.rows[0]!;
}

export interface NewCorrection {
  personId: number;
  participantId: number;
  regionCode: string;
  regencyCode: string;
  old: Partial<PersonData>;
  new: Partial<PersonData>;
  reason: string;
  evidenceNote: string;
  by: string;
  at: string;
}

const ONE_PENDING: Record<string, CorrectionField> = {
  person_correction_one_full_name: 'fullName',
  person_correction_one_birth_date: 'birthDate',
  person_correction_one_sex: 'sex',
  person_correction_one_nik: 'nik',
};

/** A unique violation of this module's indexes as the catalog error it means. */
function duplicateAs(e: unknown): unknown {
  if (!isAppError(e) || e.code !== 'DUPLICATE') return e;
  const constraint = String(e.params.detail ?? '');
  const field = ONE_PENDING[constraint];
  if (field) return new AppError('CORRECTION_PENDING', { field });
  if (constraint === 'person_correction_new_nik' || constraint === 'person_nik_key')
    return new AppError('NIK_TAKEN');
  return e;
}

export async function insertCorrection(q: Queryable, c: NewCorrection): Promise<number> {
  try {
    const r = await q.query<{ id: number }>(
      `INSERT INTO person_correction (person_id, participant_id, region_code, regency_code,
         old_full_name, new_full_name, old_birth_date, new_birth_date, old_sex, new_sex, old_nik, new_nik,
         reason, evidence_note, proposed_by, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING id::int`,
      [
        c.personId,
        c.participantId,
        c.regionCode,
        c.regencyCode,
        c.old.fullName ?? null,
        c.new.fullName ?? null,
        c.old.birthDate ?? null,
        c.new.birthDate ?? null,
        c.old.sex ?? null,
        c.new.sex ?? null,
        c.old.nik ?? null,
        c.new.nik ?? null,
        c.reason,
        c.evidenceNote,
        c.by,
        c.at,
      ],
    );
    return r.rows[0]!.id;
  } catch (e) {
    throw duplicateAs(e);
  }
}

/** The fields a pending correction of the person already proposes (for the early refusal). */
export async function pendingFields(q: Queryable, personId: number): Promise<CorrectionField[]> {
  const r = await q.query<{ field: CorrectionField }>(
    `SELECT DISTINCT f AS field FROM person_correction c,
       LATERAL unnest(ARRAY[CASE WHEN new_full_name IS NOT NULL THEN 'fullName' END,
                            CASE WHEN new_birth_date IS NOT NULL THEN 'birthDate' END,
                            CASE WHEN new_sex IS NOT NULL THEN 'sex' END,
                            CASE WHEN new_nik IS NOT NULL THEN 'nik' END]) AS f
     WHERE c.person_id = $1 AND c.status = 'pending' AND f IS NOT NULL`,
    [personId],
  );
  return r.rows.map((row) => row.field);
}

export interface CorrectionRow {
  id: number;
  personId: number;
  participantId: number;
  kpj: string;
  regionCode: string;
  villageName: string;
  regencyCode: string;
  status: CorrectionStatus;
  old: Partial<PersonData>;
  new: Partial<PersonData>;
  reason: string;
  evidenceNote: string;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

const COLUMNS = `c.id::int, c.person_id::int AS "personId", c.participant_id::int AS "participantId", pa.kpj,
  c.region_code AS "regionCode", g.name AS "villageName", c.regency_code AS "regencyCode", c.status,
  jsonb_strip_nulls(jsonb_build_object('fullName', c.old_full_name, 'birthDate', c.old_birth_date::text,
    'sex', c.old_sex, 'nik', c.old_nik)) AS old,
  jsonb_strip_nulls(jsonb_build_object('fullName', c.new_full_name, 'birthDate', c.new_birth_date::text,
    'sex', c.new_sex, 'nik', c.new_nik)) AS new,
  c.reason, c.evidence_note AS "evidenceNote", c.proposed_by AS "proposedBy",
  to_char(c.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "proposedAt",
  c.decided_by AS "decidedBy",
  to_char(c.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
  c.decision_note AS "decisionNote"`;
const FROM = `person_correction c JOIN participant pa ON pa.id = c.participant_id
  JOIN region g ON g.code = c.region_code`;

/** A correction inside the scopes (null outside: the caller answers 404), locked if asked. */
export async function findCorrectionInScope(
  q: Queryable,
  id: number,
  scopes: readonly string[],
  lock = false,
): Promise<CorrectionRow | null> {
  const r = await q.query<CorrectionRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE c.id = $1 AND region_in_scope(c.region_code, $2::text[])${lock ? ' FOR UPDATE OF c' : ''}`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}

/** Corrections in the scopes by status, oldest first (the approver's queue), a page at a time. */
export async function listCorrectionsInScope(
  q: Queryable,
  a: { scopes: readonly string[]; status: CorrectionStatus; afterId: number | null; limit: number },
): Promise<CorrectionRow[]> {
  const r = await q.query<CorrectionRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE c.status = $2 AND region_in_scope(c.region_code, $1::text[]) AND c.id > coalesce($3::bigint, 0)
     ORDER BY c.id LIMIT $4`,
    [a.scopes, a.status, a.afterId, a.limit],
  );
  return r.rows;
}

/** The person's current data, locked. */
export async function lockPerson(q: Queryable, personId: number): Promise<PersonData> {
  const r = await q.query<PersonData>(
    `SELECT full_name AS "fullName", birth_date::text AS "birthDate", sex, nik
     FROM person WHERE id = $1 FOR UPDATE`,
    [personId],
  );
  return r.rows[0]!;
}

/** Writes the corrected data; the name key is recomputed from the name (possible-duplicate review). */
export async function updatePerson(q: Queryable, personId: number, d: PersonData): Promise<void> {
  try {
    await q.query(
      `UPDATE person SET full_name = $2, name_key = name_key($2), birth_date = $3::date, sex = $4, nik = $5
       WHERE id = $1`,
      [personId, d.fullName, d.birthDate, d.sex, d.nik],
    );
  } catch (e) {
    throw duplicateAs(e);
  }
}

export async function closeCorrection(
  q: Queryable,
  a: {
    id: number;
    status: Exclude<CorrectionStatus, 'pending'>;
    by: string;
    at: string;
    note: string | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE person_correction SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5
     WHERE id = $1 AND status = 'pending'`,
    [a.id, a.status, a.by, a.at, a.note],
  );
}
