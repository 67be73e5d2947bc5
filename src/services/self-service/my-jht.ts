import { jhtReceivedNotCredited } from '../../db/jht.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { jhtBalance } from '../jht/index.ts';
import { selfParticipantId } from './self.ts';

/**
 * The participant's JHT balance today (office date, WITA): the account entries, plus the JHT
 * shares already received but not yet credited by the branch's credit run (issue 15, 8). A JHT
 * share counts from the day its money was received (the entry's effective date), so a member whose
 * withdrawal was paid and whose later contributions are paid sees those contributions, not Rp 0,
 * while the credit run has not caught up. The part still waiting is shown apart.
 */
export async function myJht(deps: Deps, actor: Actor) {
  const participantId = selfParticipantId(actor);
  const asOf = officeDate(deps.clock.now());
  const b = await jhtBalance(deps, participantId, asOf);
  const pending = await jhtReceivedNotCredited(deps.db, participantId, asOf);
  const lastEntryOn =
    pending.lastOn && (!b.lastEntryOn || pending.lastOn > b.lastEntryOn) ? pending.lastOn : b.lastEntryOn;
  return {
    available: true,
    balanceRp: b.balanceRp + pending.amountRp,
    notYetCreditedRp: pending.amountRp,
    asOf,
    lastEntryOn,
  };
}
