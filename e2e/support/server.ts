import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDirOf } from '../../src/db/embedded/data-dir-lock.ts';

// Starts the real lindung server (`serve --demo`) on a free port with a fresh data directory,
// after making sure the web UI is built. LINDUNG_E2E_URL points the tests at a server that
// is already running instead (e.g. `npm start` while working on the UI).

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const webDir = join(repoRoot, 'web');
const STARTUP_TIMEOUT_MS = 150_000;

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than the web sources. */
export function ensureWebBuilt(): void {
  const built = join(webDir, 'dist', 'index.html');
  const sourcesMs = Math.max(
    newestMtimeMs(join(webDir, 'src')),
    statSync(join(webDir, 'index.html')).mtimeMs,
    statSync(join(webDir, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sourcesMs) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok && ((await response.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server not healthy after ${STARTUP_TIMEOUT_MS / 1000} s:\n${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startServer(): Promise<RunningServer> {
  const external = process.env.LINDUNG_E2E_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), stop: async () => {} };

  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'lindung-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LINDUNG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--demo', '--demo-users-only'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(lockDirOf(dataDir), { recursive: true, force: true }); // left behind if it had to be killed
  };
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
