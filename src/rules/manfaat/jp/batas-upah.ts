// PP 45/2015 Pasal 29(3)-(4): the JP wage cap grows each March by last year's GDP growth,
// rounded DOWN to the hundred rupiah (floorToHundredRp; 2019 and 2024 prove truncation).
import { floorToHundredRp, type Rupiah } from '../../money.ts';

/** growthBp may be negative (2020: -2.07 % = -207 bp, the cap fell in 2021). */
export function batasUpahJpBerikutnya(previousRp: Rupiah, growthBp: number): Rupiah {
  return floorToHundredRp(BigInt(previousRp) * BigInt(10_000 + growthBp), 10_000n);
}
