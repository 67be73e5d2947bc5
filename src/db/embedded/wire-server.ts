import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { SessionLock } from './session-lock.ts';

// The owner of an embedded data folder lends its PGlite session to local clients (the CLI) over
// a Unix socket, speaking the PostgreSQL wire protocol, so they use the ordinary `pg` driver. A
// client borrows the session from its first message until PGlite is idle again (ReadyForQuery
// 'I'), so its transactions never interleave with the server's own.

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** `COPY … FROM STDIN` as a simple query: PGlite takes it only with all its data in one call. */
const COPY_FROM_STDIN = /^\s*COPY\b[\s\S]*\bFROM\s+STDIN\b/i;
/** A client that holds the session inside a transaction and says nothing this long is dropped. */
const IDLE_IN_TRANSACTION_MS = 120_000;

export interface WireServer {
  readonly path: string;
  close(): Promise<void>;
}

/** The status byte of the last ReadyForQuery in a chunk of backend messages, if any. */
export function lastReadyStatus(out: Uint8Array): string | null {
  const view = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  let status: string | null = null;
  for (let i = 0; i + 5 <= view.length; ) {
    const type = view[i];
    const len = view.readInt32BE(i + 1);
    if (type === 0x5a && len === 5 && i + 5 < view.length) status = String.fromCharCode(view[i + 5]!);
    i += 1 + len;
  }
  return status;
}

class Connection {
  #buffer = Buffer.alloc(0);
  #started = false;
  #release: (() => void) | null = null;
  #work: Promise<void> = Promise.resolve();
  #idleTimer: NodeJS.Timeout | undefined;
  #closed = false;
  /** A COPY FROM STDIN being collected: its query, then the client's CopyData messages. */
  #copy: Buffer[] | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly pg: PGlite,
    private readonly lock: SessionLock,
  ) {
    socket.on('data', (chunk) => {
      this.#work = this.#work.then(() => this.#onData(chunk)).catch(() => this.#close());
    });
    socket.on('close', () => {
      this.#work = this.#work.then(() => this.#close());
    });
    socket.on('error', () => socket.destroy());
  }

  /** The next whole message in the buffer, or null until more bytes arrive. */
  #take(): Buffer | null {
    const b = this.#buffer;
    const headerLen = this.#started ? 5 : 4;
    if (b.length < headerLen) return null;
    const len = this.#started ? 1 + b.readInt32BE(1) : b.readInt32BE(0);
    // A length shorter than its own header is not PostgreSQL: drop the client, never pass it on.
    if (len < headerLen + (this.#started ? 0 : 4)) throw new Error('malformed message');
    if (b.length < len) return null;
    this.#buffer = b.subarray(len);
    return b.subarray(0, len);
  }

  async #onData(chunk: Buffer): Promise<void> {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (let msg = this.#take(); msg && !this.#closed; msg = this.#take()) {
      if (!this.#started) {
        const code = msg.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) return this.#close();
        this.#started = true;
      } else if (msg[0] === 0x58 /* Terminate */) {
        return this.#close();
      } else if (this.#copy) {
        this.#copy.push(msg);
        // CopyDone or CopyFail ends the data: PGlite gets the query and its data at once.
        if (msg[0] === 0x63 || msg[0] === 0x66) await this.#forwardCopy();
        continue;
      } else if (msg[0] === 0x51 /* Query */ && COPY_FROM_STDIN.test(queryText(msg))) {
        this.#copy = [msg];
        // Ask for the data as PGlite would (text format); its own CopyInResponse is dropped below.
        this.socket.write(COPY_IN_RESPONSE);
        continue;
      }
      await this.#forward(msg);
    }
  }

  async #forward(msg: Buffer): Promise<void> {
    clearTimeout(this.#idleTimer);
    if (!this.#release) this.#release = await this.lock.acquire();
    const out = await this.pg.execProtocolRaw(new Uint8Array(msg));
    if (out.length > 0) this.socket.write(out);
    if (lastReadyStatus(out) === 'I') this.#giveBack();
    else this.#idleTimer = setTimeout(() => this.socket.destroy(), IDLE_IN_TRANSACTION_MS);
  }

  async #forwardCopy(): Promise<void> {
    const parts = this.#copy ?? [];
    this.#copy = null;
    clearTimeout(this.#idleTimer);
    if (!this.#release) this.#release = await this.lock.acquire();
    const out = withoutCopyInResponse(await this.pg.execProtocolRaw(new Uint8Array(Buffer.concat(parts))));
    if (out.length > 0) this.socket.write(out);
    if (lastReadyStatus(out) === 'I') this.#giveBack();
  }

  #giveBack(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  async #close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#idleTimer);
    this.socket.destroy();
    if (!this.#release) return;
    // A client gone mid-transaction (or mid extended-protocol exchange): undo its work and make
    // the session idle before anyone else borrows it.
    try {
      if (this.pg.isInTransaction()) await this.pg.execProtocolRaw(simpleQuery('ROLLBACK'));
      await this.pg.execProtocolRaw(sync());
    } finally {
      this.#giveBack();
    }
  }
}

const COPY_IN_RESPONSE = Buffer.from([0x47, 0, 0, 0, 7, 0, 0, 0]);

function queryText(msg: Buffer): string {
  return msg.subarray(5, Math.min(msg.length - 1, 5 + 4096)).toString('utf8');
}

/** PGlite's answer to a whole COPY less its CopyInResponse, which the client already had. */
function withoutCopyInResponse(out: Uint8Array): Uint8Array {
  const view = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  const kept: Buffer[] = [];
  for (let i = 0; i + 5 <= view.length; ) {
    const end = i + 1 + view.readInt32BE(i + 1);
    if (view[i] !== 0x47) kept.push(view.subarray(i, end));
    i = end;
  }
  return new Uint8Array(Buffer.concat(kept));
}

function simpleQuery(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`, 'utf8');
  const msg = Buffer.alloc(5 + body.length);
  msg[0] = 0x51;
  msg.writeInt32BE(4 + body.length, 1);
  body.copy(msg, 5);
  return new Uint8Array(msg);
}

function sync(): Uint8Array {
  return new Uint8Array([0x53, 0, 0, 0, 4]);
}

/** Listens on `path` (a Unix socket that only this OS user may open). */
export async function startWireServer(pg: PGlite, lock: SessionLock, path: string): Promise<WireServer> {
  rmSync(path, { force: true });
  const connections = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    new Connection(socket, pg, lock);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    path,
    async close() {
      for (const s of connections) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(path, { force: true });
    },
  };
}
