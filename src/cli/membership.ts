import type { Command } from 'commander';
import type { MembershipChangeRow } from '../db/membership-changes.ts';
import { consoleActor } from '../services/console-actor.ts';
import {
  applyMembershipChange,
  listMembershipChanges,
  proposeMembershipChange,
  rejectMembershipChange,
  verifyMembershipChange,
} from '../services/membership/index.ts';
import { printJson, run, usageError } from './context.ts';
import { registerConflicts } from './membership-conflicts.ts';

// The CLI twin of /api/v1/membership-changes: exits (keluar) and moves (pindah desa) proposed,
// verified, applied or rejected by the console (every permission; audited by OS user name).

const line = (c: MembershipChangeRow) =>
  `${c.id}\t${c.state}\t${c.kpj}\t${c.kind}\t${c.reason}\t${c.effectiveDate}\t${c.regionBefore}${
    c.kind === 'move' ? ` → ${c.regionAfter}` : ''
  }`;

function id(raw: string): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) usageError('<id>: a membership change number');
  return n;
}

function step(
  parent: Command,
  name: string,
  description: string,
  act: (
    deps: Parameters<Parameters<typeof run>[0]>[0],
    n: number,
    o: { reason?: string },
  ) => Promise<MembershipChangeRow>,
) {
  const cmd = parent
    .command(`${name} <id>`)
    .description(description)
    .option('--json', 'machine-readable output');
  if (name === 'reject') cmd.requiredOption('--reason <text>', 'why the change is turned down');
  cmd.action((raw: string, o: { json?: boolean; reason?: string }) =>
    run(
      async (deps) => {
        const c = await act(deps, id(raw), o);
        if (o.json) return printJson(c);
        console.log(line(c));
      },
      { quiet: true },
    ),
  );
}

export function register(program: Command): void {
  const m = program
    .command('membership')
    .description(
      'membership exits, moves and double cover / keluar, pindah desa, kepesertaan ganda (propose → verify → apply)',
    );
  registerConflicts(m);
  m.command('list')
    .description('membership changes, newest first')
    .option('--state <state>', 'proposed | verified | applied | rejected')
    .option('--json', 'machine-readable output')
    .action((o: { state?: 'proposed' | 'verified' | 'applied' | 'rejected'; json?: boolean }) =>
      run(
        async (deps) => {
          const rows = await listMembershipChanges(deps, consoleActor(), { state: o.state });
          if (o.json) return printJson(rows);
          for (const c of rows) console.log(line(c));
        },
        { quiet: true },
      ),
    );
  m.command('propose')
    .description('propose an exit or a move of one membership')
    .requiredOption('--kpj <kpj>', 'participant number')
    .requiredOption('--kind <kind>', 'exit | move')
    .requiredOption(
      '--reason <reason>',
      'death | retirement_age | termination | moved_away | left_programme | data_error | double_coverage',
    )
    .requiredOption('--effective <YYYY-MM-DD>', 'the date the change takes effect')
    .requiredOption('--note <text>', 'why')
    .option('--to-village <code>', 'a move: the receiving village')
    .option('--json', 'machine-readable output')
    .action(
      (o: {
        kpj: string;
        kind: string;
        reason: string;
        effective: string;
        note: string;
        toVillage?: string;
        json?: boolean;
      }) =>
        run(
          async (deps) => {
            const r = await proposeMembershipChange(deps, consoleActor(), {
              kpj: o.kpj,
              kind: o.kind as 'exit',
              reason: o.reason as 'death',
              effectiveDate: o.effective,
              note: o.note,
              ...(o.toVillage ? { toVillageCode: o.toVillage } : {}),
            });
            if (o.json) return printJson(r);
            console.log(`membership change ${r.id} proposed / diusulkan`);
          },
          { quiet: true },
        ),
    );
  step(m, 'verify', 'verify a proposed change (district)', (deps, n) =>
    verifyMembershipChange(deps, consoleActor(), n),
  );
  step(m, 'apply', 'apply a verified change (branch)', (deps, n) =>
    applyMembershipChange(deps, consoleActor(), n),
  );
  step(m, 'reject', 'turn a verified change down (branch)', (deps, n, o) =>
    rejectMembershipChange(deps, consoleActor(), n, o.reason ?? ''),
  );
}
