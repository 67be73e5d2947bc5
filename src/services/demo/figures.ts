// The figures of BPJS Ketenagakerjaan Cabang Belu Atambua for 1 January – 22 May 2023 that the
// demo reproduces through the system's own flows (records, never inserted totals).

export const DEMO_REGENCY = '53.04';
export const DEMO_SEED = 53_042_023;

export const FIGURES = {
  villageWorkers: 5_829,
  villagesWithWorkers: 69,
  activeFormal: 10_737,
  activeInformal: 37_583,
  activeConstruction: 15_819,
  /** Non-ASN workers of the regency government, part of the formal figure. */
  nonAsnWorkers: 3_148,
  claims: { JHT: 1_379, JKM: 156, JP: 10 },
  claimsTotalRp: 28_700_000_000,
} as const;

/**
 * Enrolled before the window: the active figure of 22 May plus the members whose paid claim ended
 * their membership in the window (a death ends every membership; a full JHT at retirement age
 * ends the member's own). The 156 JKM deaths are village workers, the 10 JP survivor claims are
 * private-sector PU workers, the 1,379 full JHT are self-paying BPU members aged 56 or more.
 */
export const ENROLLED = {
  villageWorkers: FIGURES.villageWorkers + FIGURES.claims.JKM,
  privateFormal: FIGURES.activeFormal - FIGURES.nonAsnWorkers + FIGURES.claims.JP,
  selfPayingInformal: FIGURES.activeInformal - FIGURES.villageWorkers + FIGURES.claims.JHT,
} as const;

/** The 2023 cooperation agreement (PKS) between Pemkab Belu and the branch: the demo's marker. */
export const AGREEMENT_NUMBER = 'PKS/BELU-BPJSTK/001/2023';

/** Billing periods of the window. */
export const PERIODS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'] as const;

/** Villages whose workers the regency pays from the APBD; every other desa pays from its APBDes. */
export const APBD_KECAMATAN = ['53.04.18', '53.04.23'];
