// The split of the billing benchmark's mixed population (bench/mixed-population.ts) into its
// groups: a pure function, so that its rounding is tested without a database.

/** The groups of the mixed population, in per mille of the participants. */
export const MIXED_SPLIT = [
  { group: 'pu', perMille: 300, label: 'PU formal workers (300 employers, wages)' },
  { group: 'village', perMille: 350, label: 'village-funded pekerja rentan (APBDes 6/7, APBD 1/7)' },
  { group: 'bpuAgent', perMille: 150, label: 'BPU collected monthly by an agent (200 agents)' },
  { group: 'bpuPersonal', perMille: 150, label: 'BPU self-paying, personal code, 1/3/6/12 months' },
  { group: 'jakon', perMille: 50, label: 'Jakon project workers (500 a project)' },
] as const;

export type MixedGroup = (typeof MIXED_SPLIT)[number]['group'];

/**
 * How many participants each group gets out of `total`: its share rounded down, the rest given
 * one each to the groups with the largest remainders (largest-remainder method), so the groups
 * always add up to the total.
 */
export function splitPopulation(total: number): Record<MixedGroup, number> {
  const exact = MIXED_SPLIT.map((s) => ({
    group: s.group,
    n: Math.floor((total * s.perMille) / 1000),
    rest: (total * s.perMille) % 1000,
  }));
  let left = total - exact.reduce((s, e) => s + e.n, 0);
  for (const e of [...exact].sort((a, b) => b.rest - a.rest)) {
    if (left === 0) break;
    e.n += 1;
    left -= 1;
  }
  return Object.fromEntries(exact.map((e) => [e.group, e.n])) as Record<MixedGroup, number>;
}
