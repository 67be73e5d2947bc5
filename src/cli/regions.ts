import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { loadRegions, regionsFromEnv } from '../services/load-regions.ts';
import { showRegion } from '../services/show-region.ts';
import { printJson, progress, run } from './context.ts';

const LEVEL_ID: Record<string, string> = {
  province: 'provinsi',
  regency: 'kabupaten/kota',
  district: 'kecamatan',
  village: 'desa/kelurahan',
};

export function register(program: Command): void {
  const regions = program.command('regions').description('Kemendagri regions / wilayah');
  regions
    .command('show')
    .description('a region, its children, and counts of kecamatan, desa and kelurahan')
    .argument('<code>', 'region code, e.g. 53.04')
    .option('--json', 'machine-readable output')
    .action((code: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await showRegion(deps, consoleActor(), code);
          if (o.json) return printJson(r);
          const c = r.region.counts;
          console.log(`${r.region.code} ${r.region.name} (${LEVEL_ID[r.region.level]})`);
          console.log(`kecamatan: ${c.districts}  desa: ${c.desa}  kelurahan: ${c.kelurahan}`);
          for (const ch of r.children)
            console.log(`  ${ch.code}  ${ch.name}${ch.kind ? ` (${ch.kind})` : ''}`);
        },
        { quiet: true },
      ),
    );
  regions
    .command('load')
    .description('reload regions from the idn-area-data package (env LINDUNG_REGIONS=all or 53,51)')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      run(async (deps) => {
        const r = await loadRegions(deps.db, regionsFromEnv(), progress);
        if (o.json) printJson(r);
        else console.log(`regions loaded in ${r.ms} ms: ${JSON.stringify(r.rows)}`);
      }),
    );
}
