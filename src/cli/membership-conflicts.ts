import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { listMembershipConflicts } from '../services/list-membership-conflicts.ts';
import { printJson, run, usageError } from './context.ts';

/** `lindung membership conflicts [--limit N] [--json]`: the branch's review queue of double cover. */
export function registerConflicts(membership: Command): void {
  membership
    .command('conflicts')
    .description('persons holding two active memberships of one programme (from before the rule), to review')
    .option('--limit <n>', 'at most this many persons', '100')
    .option('--json', 'machine-readable output')
    .action((o: { limit: string; json?: boolean }) =>
      run(
        async (deps) => {
          const limit = Number(o.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > 500) usageError('--limit: 1 to 500');
          const r = await listMembershipConflicts(deps, consoleActor(), { limit });
          if (o.json) return printJson(r);
          if (r.persons.length === 0)
            return console.log('no double memberships / tidak ada kepesertaan ganda');
          for (const p of r.persons) {
            const held = p.memberships.map((m) => `${m.kpj} ${m.segment}/${m.fundingSource} ${m.regionCode}`);
            console.log(`${p.nik} ${p.fullName}: ${held.join('; ')}`);
          }
          if (r.nextCursor) console.log(`… more (first ${limit} shown)`);
        },
        { quiet: true },
      ),
    );
}
