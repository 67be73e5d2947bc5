// Public check of a membership card: anyone holding the card (or its QR code) can see that the
// KPJ is real and covered, without logging in. KPJ numbers can be generated, so only the least
// UU PDP (UU 27/2022) allows leaves here: the initials, the status and the programmes; never the
// name, the NIK, the birth date, the village or the dates of the membership.
import { findVerification } from '../db/cards.ts';
import { AppError } from '../errors.ts';
import { initials } from '../privacy/mask.ts';
import type { Deps } from './actor.ts';

export interface MembershipCheck {
  kpj: string;
  /** Initials only: "M. G. B." */
  name: string;
  status: string;
  programs: string[];
}

/** The masked facts of a KPJ; NOT_FOUND for an unknown number or a wrong check digit. */
export async function verifyMembership(deps: Deps, kpj: string): Promise<MembershipCheck> {
  // kpj_valid() casts digits to int, so anything but 11 digits stops here.
  const row = /^\d{11}$/.test(kpj) ? await findVerification(deps.db, kpj) : null;
  if (!row) throw new AppError('NOT_FOUND');
  return {
    kpj: row.kpj,
    name: initials(row.fullName),
    status: row.status,
    programs: row.programs,
  };
}
