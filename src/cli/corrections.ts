import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { decideCorrection } from '../services/person-corrections/decide-correction.ts';
import { listCorrections } from '../services/person-corrections/list-corrections.ts';
import { proposeCorrection } from '../services/person-corrections/propose-correction.ts';
import { printJson, run, usageError } from './context.ts';

// The CLI twin of /api/v1/person-corrections. The console is one user (console:<os user>): what
// it proposes, a different user decides (on the web or through the API), and the reverse.

interface Shown {
  id: number;
  kpj: string;
  villageName: string;
  status: string;
  old: Record<string, unknown>;
  new: Record<string, unknown>;
  proposedBy: string;
  reason: string;
}

function show(c: Shown, warnings: string[] = []): void {
  const fields = Object.keys(c.new)
    .map((f) => `${f}: ${String(c.old[f])} → ${String(c.new[f])}`)
    .join('; ');
  console.log(`#${c.id} ${c.status} ${c.kpj} (${c.villageName}) by ${c.proposedBy}: ${fields} — ${c.reason}`);
  for (const w of warnings) console.log(`  warning / peringatan: ${w}`);
}

export function register(program: Command): void {
  const corrections = program
    .command('corrections')
    .description('corrections of a person’s data by maker-checker / koreksi data orang');
  corrections
    .command('list')
    .description('corrections by status (pending: the approver’s queue)')
    .option('--status <status>', 'pending | approved | rejected', 'pending')
    .option('--json', 'machine-readable output')
    .action((o: { status: string; json?: boolean }) =>
      run(
        async (deps) => {
          if (!['pending', 'approved', 'rejected'].includes(o.status))
            usageError('--status: pending | approved | rejected');
          const r = await listCorrections(deps, consoleActor(), {
            status: o.status as 'pending',
            limit: 200,
          });
          if (o.json) return printJson(r);
          if (r.corrections.length === 0) console.log('none / tidak ada');
          for (const c of r.corrections) show(c);
        },
        { quiet: true },
      ),
    );
  corrections
    .command('propose')
    .description('propose a correction of a member’s name, birth date, sex or NIK (another user decides)')
    .requiredOption('--kpj <kpj>', 'the member’s participant number')
    .option('--name <full name>', 'the corrected full name')
    .option('--birth-date <YYYY-MM-DD>', 'the corrected birth date')
    .option('--sex <L|P>', 'the corrected sex')
    .option('--nik <nik>', 'the corrected NIK (16 digits)')
    .requiredOption('--reason <text>', 'why the data is wrong')
    .requiredOption('--evidence <text>', 'the document checked (KTP, KK, akta)')
    .option('--json', 'machine-readable output')
    .action(
      (o: {
        kpj: string;
        name?: string;
        birthDate?: string;
        sex?: string;
        nik?: string;
        reason: string;
        evidence: string;
        json?: boolean;
      }) =>
        run(
          async (deps) => {
            if (o.sex !== undefined && o.sex !== 'L' && o.sex !== 'P') usageError('--sex: L or P');
            const changes = {
              ...(o.name !== undefined ? { fullName: o.name } : {}),
              ...(o.birthDate !== undefined ? { birthDate: o.birthDate } : {}),
              ...(o.sex !== undefined ? { sex: o.sex as 'L' | 'P' } : {}),
              ...(o.nik !== undefined ? { nik: o.nik } : {}),
            };
            if (Object.keys(changes).length === 0) usageError('one of --name, --birth-date, --sex, --nik');
            const r = await proposeCorrection(deps, consoleActor(), {
              kpj: o.kpj,
              changes,
              reason: o.reason,
              evidenceNote: o.evidence,
            });
            if (o.json) return printJson(r);
            show(r.correction, r.warnings);
          },
          { quiet: true },
        ),
    );
  for (const [name, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    corrections
      .command(`${name} <id>`)
      .description(
        approve
          ? 'approve a pending correction: the person’s data changes (never the proposer)'
          : 'reject a pending correction with a note (never the proposer)',
      )
      .option('--note <text>', approve ? 'a note for the record' : 'why it is rejected (required)')
      .option('--json', 'machine-readable output')
      .action((id: string, o: { note?: string; json?: boolean }) =>
        run(
          async (deps) => {
            if (!/^[1-9]\d{0,14}$/.test(id)) usageError('<id>: the correction number');
            const r = await decideCorrection(deps, consoleActor(), Number(id), {
              approve,
              ...(o.note !== undefined ? { note: o.note } : {}),
            });
            if (o.json) return printJson(r);
            show(r.correction, r.warnings);
          },
          { quiet: true },
        ),
      );
  }
}
