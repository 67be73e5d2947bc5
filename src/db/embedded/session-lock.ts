/**
 * PGlite is one PostgreSQL session. Everything that uses it — a transaction of the server itself,
 * or the span of a socket client's work until it is idle again — borrows that session whole, one
 * borrower at a time, in arrival order. Without this, a query could land inside someone else's
 * open transaction or between their Parse and Sync.
 */
export class SessionLock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the session; the returned function gives it back (once). */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = this.#tail;
    this.#tail = before.then(() => held);
    return before.then(() => release);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
