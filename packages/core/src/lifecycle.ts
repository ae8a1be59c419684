/**
 * Runs `shutdown` once on the first SIGINT/SIGTERM, then exits; a second signal while
 * shutting down exits at once (an operator who presses Ctrl-C twice means it).
 */
export function onShutdownSignal(
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  shutdown: () => Promise<void>,
): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log.info({ signal }, 'shutting down');
    shutdown().then(
      () => {
        log.info({}, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
