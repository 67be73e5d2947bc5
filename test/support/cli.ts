import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `lindung` CLI in a child process against the given database. */
export function lindung(
  args: string[],
  env: { databaseUrl?: string; dataDir?: string; extra?: NodeJS.ProcessEnv },
) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl ?? '',
      LINDUNG_DATA_DIR: env.dataDir ?? '',
      LINDUNG_REGIONS: '53',
      ...env.extra,
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr } as CliResult;
}
