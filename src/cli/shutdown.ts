const progress = (msg: string) => process.stderr.write(`${msg}\n`);

/**
 * How long a stop may take to finish the work in hand and close the database cleanly: 15 s, or
 * LINDUNG_STOP_TIMEOUT seconds (a slow disk, or a machine under heavy load, may need longer).
 */
export function stopTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.LINDUNG_STOP_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 15_000;
}

/**
 * On SIGINT or SIGTERM: close (finish the transaction in hand, checkpoint, close the embedded
 * database, release its folder) and exit; past the stop timeout exit anyway — the database then
 * recovers from its WAL on the next open, as after a crash.
 */
export function closeOnSignals(
  close: () => Promise<void>,
  exitCode: (signal: NodeJS.Signals) => number = (signal) => (signal === 'SIGINT' ? 130 : 143),
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const timeoutMs = stopTimeoutMs();
    progress(`${signal}: stopping, closing the database / menghentikan, menutup basis data…`);
    setTimeout(() => {
      progress(`not closed within ${timeoutMs / 1000} s; exiting / tidak selesai, keluar`);
      process.exit(1);
    }, timeoutMs).unref();
    close().then(
      () => {
        progress(`stopped cleanly in ${Date.now() - started} ms / berhenti dengan rapi`);
        process.exit(exitCode(signal));
      },
      (e: unknown) => {
        progress(`error while stopping: ${(e as Error)?.message ?? String(e)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
