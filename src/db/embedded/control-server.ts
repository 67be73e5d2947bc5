import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';

// The owner's control socket, beside its PostgreSQL socket: work that is not SQL and must be
// done by the process that holds the files. Today one request, {"op":"backup"}, answered by a
// JSON line {"ok":true,"bytes":N} and the N bytes of the backup.

export interface ControlServer {
  close(): Promise<void>;
}

export async function startControlServer(
  path: string,
  handlers: { backup(): Promise<Uint8Array> },
): Promise<ControlServer> {
  rmSync(path, { force: true });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let line = '';
    socket.on('data', async (d) => {
      line += d.toString('utf8');
      if (!line.includes('\n')) return;
      const op = (() => {
        try {
          return (JSON.parse(line.slice(0, line.indexOf('\n'))) as { op?: string }).op;
        } catch {
          return undefined;
        }
      })();
      if (op !== 'backup')
        return void socket.end(`${JSON.stringify({ ok: false, error: 'unknown request' })}\n`);
      try {
        const bytes = await handlers.backup();
        socket.write(`${JSON.stringify({ ok: true, bytes: bytes.length })}\n`);
        socket.end(bytes);
      } catch (e) {
        socket.end(`${JSON.stringify({ ok: false, error: (e as Error).message })}\n`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(path, { force: true });
    },
  };
}
