const progress = (msg: string) => process.stderr.write(`${msg}\n`);

/** How long a stop may take to finish the work in hand and close the database cleanly. */
export const STOP_TIMEOUT_MS = 15_000;

/**
 * On SIGINT or SIGTERM: close (finish the transaction in hand, checkpoint, close the embedded
 * database, release its folder) and exit; past STOP_TIMEOUT_MS exit anyway — the database then
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
    progress(`${signal}: stopping, closing the database / menghentikan, menutup basis data…`);
    setTimeout(() => {
      progress(`not closed within ${STOP_TIMEOUT_MS / 1000} s; exiting / tidak selesai, keluar`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    close().then(
      () => process.exit(exitCode(signal)),
      (e: unknown) => {
        progress(`error while stopping: ${(e as Error)?.message ?? String(e)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
