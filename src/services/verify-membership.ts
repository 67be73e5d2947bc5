// Public check of a membership card: anyone holding the card (or its QR code) can see that the
// KPJ is real and covered, without logging in. Only masked, non-identifying facts leave here:
// never the NIK, the birth date or the village.
import { findVerification } from '../db/cards.ts';
import { AppError } from '../errors.ts';
import { maskName } from '../privacy/mask.ts';
import type { Deps } from './actor.ts';

export interface MembershipCheck {
  kpj: string;
  /** "M**** G***** B***" */
  name: string;
  status: string;
  programs: string[];
  /** YYYY-MM-DD of the latest activation; null if never active. */
  coverageStart: string | null;
}

/** The masked facts of a KPJ; NOT_FOUND for an unknown number or a wrong check digit. */
export async function verifyMembership(deps: Deps, kpj: string): Promise<MembershipCheck> {
  // kpj_valid() casts digits to int, so anything but 11 digits stops here.
  const row = /^\d{11}$/.test(kpj) ? await findVerification(deps.db, kpj) : null;
  if (!row) throw new AppError('NOT_FOUND');
  return {
    kpj: row.kpj,
    name: maskName(row.fullName),
    status: row.status,
    programs: row.programs,
    coverageStart: row.coverageStart,
  };
}
