import { type ContributionLine, ownContributionLines } from '../../db/self-service.ts';
import type { Actor, Deps } from '../actor.ts';
import { selfParticipantId } from './self.ts';

export const CONTRIBUTION_LINES_MAX = 600;

/**
 * The participant's contribution history: their invoice lines, newest period first, each with the
 * state of the invoice it is on. Totals cover every line, not only those returned.
 */
export async function myContributions(deps: Deps, actor: Actor) {
  return contributionHistory(deps, selfParticipantId(actor));
}

/** One participant's contribution lines with their totals (self-service and the staff's participant page). */
export async function contributionHistory(deps: Deps, participantId: number) {
  const lines = await ownContributionLines(deps.db, participantId);
  const sum = (pick: (l: ContributionLine) => boolean) =>
    lines.filter(pick).reduce((s, l) => s + l.amountRp, 0);
  return {
    totals: {
      billedRp: sum(() => true),
      paidRp: sum((l) => l.invoiceState === 'paid'),
      unpaidRp: sum((l) => l.invoiceState !== 'paid'),
    },
    lines: lines.slice(0, CONTRIBUTION_LINES_MAX),
    truncated: lines.length > CONTRIBUTION_LINES_MAX,
  };
}
