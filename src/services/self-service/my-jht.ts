import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { jhtBalance } from '../jht/index.ts';
import { selfParticipantId } from './self.ts';

/** The participant's JHT balance today (office date, WITA), from the JHT account entries. */
export async function myJht(deps: Deps, actor: Actor) {
  const participantId = selfParticipantId(actor);
  const asOf = officeDate(deps.clock.now());
  const b = await jhtBalance(deps, participantId, asOf);
  return { available: true, balanceRp: b.balanceRp, asOf, lastEntryOn: b.lastEntryOn };
}
