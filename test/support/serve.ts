import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Served {
  child: ChildProcess;
  pid: number;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the real `lindung serve` on an embedded data folder, on a free port; resolves once it listens. */
export function startServe(dataDir: string, args: string[] = []): Promise<Served> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--demo', '--demo-users-only', ...args],
    {
      cwd: ROOT,
      // The test is about a clean stop, not its speed: a loaded CI machine gets all the time it needs.
      env: {
        ...process.env,
        DATABASE_URL: '',
        LINDUNG_DATA_DIR: dataDir,
        LINDUNG_REGIONS: '53',
        LINDUNG_STOP_TIMEOUT: '300',
      },
    },
  );
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}\n${err}`)), 90_000);
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, pid: child.pid!, url: m[1]!, stdout: () => out, stderr: () => err, exited });
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${out}\n${err}`));
    });
  });
}

/** Logs in over HTTP and returns the session cookie. */
export async function httpLogin(url: string, username: string, password: string): Promise<string | null> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) return null;
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? null;
}
