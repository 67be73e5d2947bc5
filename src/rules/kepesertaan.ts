// One person, one active membership per programme (issue 12, point 2): which membership a person
// may hold beside another, and which one gives way. Pure: the caller passes both memberships.
//
// Legal basis (see /work/shared/domain/regulations.md §1.2 and §5):
// - PU (penerima upah): every employer must register its workers (UU 24/2011 Pasal 15; PP 49/2023
//   Pasal 5(2)). A wage earner is PU, not BPU, so an employer's registration always stands: PU
//   takes over from a BPU membership, which ends from the PU start date.
// - BPU (bukan penerima upah) is for persons outside an employment relation (PP 49/2023 Pasal 5(3)).
//   Self-paid BPU ranks above BPU paid by the village or regency (APBDes/APBD, "pekerja rentan",
//   §5): public money covers only who is not covered otherwise, so a village batch never takes a
//   person who already holds any BPU, PU or project (JAKON) cover.
// - JAKON (jasa konstruksi) covers JKK and JKM of the workers of one construction project, paid by
//   the contractor from the contract value (Permenakertrans 44/2015 Pasal 2, now Permenaker 5/2021;
//   §1.2 and §2.4). regulations.md does NOT say whether project cover may sit beside PU cover; it
//   says nothing on double cover at all (status U). We read the project cover as attached to the
//   project, not the person (it is billed per project and ends with it), and so allow it beside PU
//   and beside another project, as the issue asks. Beside BPU it is refused at village enrolment
//   (ALREADY_JAKON), the case the issue names.
// - PU beside PU: a worker with two employers is registered by each (UU 24/2011 Pasal 15, each
//   employer for its own wage); allowed.

export type Segment = 'PU' | 'BPU' | 'JAKON' | 'PMI';
export type FundingSource = 'SELF' | 'EMPLOYER' | 'APBN' | 'APBD' | 'APBDES' | 'CSR';

export interface Membership {
  segment: Segment;
  fundingSource: FundingSource;
  programs: readonly string[];
}

/** The row code a village batch shows for a person already holding `held` (field nik). */
export type MembershipConflictCode = 'ALREADY_PU' | 'ALREADY_JAKON' | 'ALREADY_COVERED' | 'ALREADY_PMI';

/** Publicly funded BPU (village, regency, state budget or a donor's CSR): the lowest rank. */
export function isPubliclyFunded(m: Pick<Membership, 'segment' | 'fundingSource'>): boolean {
  return m.segment === 'BPU' && m.fundingSource !== 'SELF';
}

/**
 * Precedence rank, lower wins: PU 1, JAKON 2 (employer-paid project cover), PMI 3, self-paid BPU 4,
 * publicly funded BPU 5.
 */
export function membershipRank(m: Pick<Membership, 'segment' | 'fundingSource'>): number {
  if (m.segment === 'PU') return 1;
  if (m.segment === 'JAKON') return 2;
  if (m.segment === 'PMI') return 3;
  return isPubliclyFunded(m) ? 5 : 4;
}

const EMPLOYER_LANES: ReadonlySet<Segment> = new Set(['PU', 'JAKON']);

/** Two memberships may both be active: no common programme, or both employer-paid (PU, JAKON). */
export function mayHoldBoth(a: Membership, b: Membership): boolean {
  if (!a.programs.some((p) => b.programs.includes(p))) return true;
  return EMPLOYER_LANES.has(a.segment) && EMPLOYER_LANES.has(b.segment);
}

export type Decision =
  | { kind: 'allowed' }
  /** The new membership is refused; `code` names what the person already holds. */
  | { kind: 'refused'; code: MembershipConflictCode }
  /** The new membership stands and the held one ends from the new one's start (PU over BPU). */
  | { kind: 'takes_over' };

function heldCode(held: Membership): MembershipConflictCode {
  if (held.segment === 'PU') return 'ALREADY_PU';
  if (held.segment === 'JAKON') return 'ALREADY_JAKON';
  if (held.segment === 'PMI') return 'ALREADY_PMI';
  return 'ALREADY_COVERED';
}

/** What happens when `candidate` is registered while `held` is active. */
export function decideMembership(held: Membership, candidate: Membership): Decision {
  if (mayHoldBoth(held, candidate)) return { kind: 'allowed' };
  // A higher-ranked PU or self-paid BPU displaces a BPU: the employer's duty to register stands,
  // and public money steps back for a person who pays. Project cover (JAKON) ends with its project,
  // so it never ends a BPU membership; it is refused beside one.
  const displaces = candidate.segment === 'PU' || candidate.segment === 'BPU';
  if (displaces && held.segment === 'BPU' && membershipRank(candidate) < membershipRank(held)) {
    return { kind: 'takes_over' };
  }
  return { kind: 'refused', code: heldCode(held) };
}

const SEGMENTS: readonly Segment[] = ['PU', 'BPU', 'JAKON', 'PMI'];
const FUNDING: readonly FundingSource[] = ['SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR'];

/** 'SEGMENT:FUNDING', the key set-based SQL matches a held membership by. */
export const membershipKey = (m: Pick<Membership, 'segment' | 'fundingSource'>) =>
  `${m.segment}:${m.fundingSource}`;

/**
 * The decision for `candidate` against every kind of held membership sharing a programme with it,
 * decided once here so that set-based SQL applies it to many rows (as billing does with tariffs).
 */
export function precedenceTable(candidate: Membership) {
  const takesOver: string[] = [];
  const refused: { key: string; code: MembershipConflictCode }[] = [];
  for (const segment of SEGMENTS) {
    for (const fundingSource of FUNDING) {
      const held = { segment, fundingSource, programs: candidate.programs };
      const d = decideMembership(held, candidate);
      if (d.kind === 'takes_over') takesOver.push(membershipKey(held));
      if (d.kind === 'refused') refused.push({ key: membershipKey(held), code: d.code });
    }
  }
  return { takesOver, refused };
}
