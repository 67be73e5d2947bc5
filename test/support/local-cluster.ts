import { type ExecFileOptions, execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Throwaway PostgreSQL clusters started by a test itself with Debian's own binaries (initdb,
// pg_ctl, pg_basebackup), for what one server cannot show: per-province databases federated by
// postgres_fdw, and a streaming replica. Each cluster listens on 127.0.0.1 on a free port with
// trust auth, keeps its socket in its own folder, and is removed by stop().

const run = promisify(execFile);

/** Debian keeps each major version's server binaries apart; the newest installed one is used. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql (Debian package postgresql)',
    );
  return join(root, versions[0], 'bin');
}

/** initdb and the server refuse to run as root: as root (CI), they run as the postgres user. */
const asRoot = process.getuid?.() === 0;

async function pgBin(name: string, args: string[], opts: ExecFileOptions = {}): Promise<string> {
  const file = join(binDir(), name);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await run(cmd, argv, { timeout: 120_000, ...opts });
    return String(stdout);
  } catch (e) {
    const err = e as Error & { stderr?: string; stdout?: string };
    throw new Error(`${name} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  await new Promise((ok) => server.close(ok));
  return port;
}

export interface LocalCluster {
  port: number;
  /** The cluster's data folder. */
  dataDir: string;
  /** A connection URL for a database of this cluster (default `postgres`). */
  url(database?: string): string;
  stop(): Promise<void>;
}

function ownedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  return dir;
}

let ids: { uid: number; gid: number } | null = null;
function postgresIds(): { uid: number; gid: number } {
  if (ids) return ids;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user on this machine (Debian package postgresql creates it)');
  const [, , uid, gid] = line.split(':');
  ids = { uid: Number(uid), gid: Number(gid) };
  return ids;
}

async function startServer(
  dataDir: string,
  port: number,
  settings: Record<string, string>,
): Promise<LocalCluster> {
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dataDir}'`,
    '-c fsync=off',
    '-c max_connections=40',
    ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
  ].join(' ');
  await pgBin('pg_ctl', [
    '-D',
    dataDir,
    '-o',
    options,
    '-l',
    join(dataDir, 'server.log'),
    '-w',
    '-t',
    '90',
    'start',
  ]);
  let stopped = false;
  return {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pgBin('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new primary cluster (wal_level replica, so a replica can be made from it). */
export async function startCluster(settings: Record<string, string> = {}): Promise<LocalCluster> {
  const dataDir = ownedTempDir('lindung-cluster-');
  await pgBin('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  return startServer(dataDir, await freePort(), settings);
}

/** A streaming hot-standby replica of `primary`, made by pg_basebackup (-R writes its standby settings). */
export async function startReplica(
  primary: LocalCluster,
  settings: Record<string, string> = {},
): Promise<LocalCluster> {
  const dataDir = ownedTempDir('lindung-replica-');
  await pgBin('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  return startServer(dataDir, await freePort(), { hot_standby: 'on', ...settings });
}
