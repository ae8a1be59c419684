/**
 * Runs `shutdown` once on the first SIGINT/SIGTERM, then exits 0; a second signal while
 * shutting down exits at once (an operator who presses Ctrl-C twice means it). A repeat
 * within a second is the same Ctrl-C passed on by a parent (pnpm forwards the one the
 * terminal already sent to the whole process group) and is ignored.
 */
export function onShutdownSignal(
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  shutdown: () => Promise<void>,
): void {
  let stoppingSince: number | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1000) return;
      process.exit(130);
    }
    stoppingSince = Date.now();
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

/**
 * Runs shutdown steps in order, logging each as it starts, so an operator watching a slow
 * stop sees what it is waiting for (usually workers finishing their current jobs).
 */
export async function runShutdownSteps(
  log: { info(obj: object, msg: string): void },
  steps: [what: string, step: () => Promise<unknown> | unknown][],
): Promise<void> {
  for (const [i, [what, step]] of steps.entries()) {
    log.info({ step: i + 1, of: steps.length }, `shutdown: ${what}`);
    await step();
  }
}
