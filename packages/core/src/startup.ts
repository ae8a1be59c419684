/**
 * Start-up with a dependency (Postgres, Redis) that does not answer yet: one clear line
 * naming it, its URL without the password, and the cause; quiet retries with backoff; a
 * line when it answers; give up after a deadline. A refusal that retrying cannot fix (a
 * wrong password or role) gives up at once.
 */

export interface Dependency {
  /** As people call it: `Postgres`, `Redis`. */
  name: string;
  url: string;
  /** How logs name where it is, when not by its URL (a Redis Cluster's seed nodes). */
  where?: string;
  /** Resolves once the dependency answers; rejects with why not. */
  check(): Promise<void>;
  /** A reason when the failure is one retrying cannot fix (bad credentials); else undefined. */
  permanent?(err: unknown): string | undefined;
  /** Once it answers: warnings about how it is set up (logged, never fatal). */
  advice?(): Promise<string[]>;
}

export interface StartupLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The URL with its password replaced by `***` (and unparseable text left out). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Why a connection failed, in one short phrase: the error's code and message. */
export function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const parts: string[] = [];
  // AggregateError (a host with several addresses) hides the useful message in `errors`.
  const inner = err instanceof AggregateError && err.errors[0] instanceof Error ? err.errors[0] : err;
  const message = inner.message || err.message;
  const code = (inner as { code?: unknown }).code ?? (err as { code?: unknown }).code;
  if (typeof code === 'string' && !message.includes(code)) parts.push(code);
  parts.push(message || err.name);
  return parts.join(': ');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until every dependency answers (checked side by side), or throws a StartupError
 * once `timeoutMs` has passed or a failure is permanent. Retries back off from 250 ms to 5 s.
 * `timeoutMs` 0 waits for ever: under an orchestrator that restarts whatever exits
 * (compose), giving up would only turn a database restart into a crash loop.
 */
export async function waitForDependencies(
  deps: Dependency[],
  opts: { timeoutMs: number; log: StartupLog },
): Promise<void> {
  const forever = opts.timeoutMs === 0;
  const deadline = forever ? Number.POSITIVE_INFINITY : Date.now() + opts.timeoutMs;
  const seconds = Math.round(opts.timeoutMs / 1000);
  const patience = forever ? 'retrying until it does (STARTUP_TIMEOUT_MS=0)' : `retrying for up to ${seconds} s`;
  await Promise.all(
    deps.map(async (dep) => {
      const where = `${dep.name} at ${dep.where ?? redactUrl(dep.url)}`;
      let lastCause: string | undefined;
      for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
        try {
          await dep.check();
        } catch (err) {
          const cause = describeCause(err);
          const fatal = dep.permanent?.(err);
          if (fatal) throw new StartupError(`${where} refused us (${cause}): ${fatal}`);
          if (Date.now() >= deadline) {
            throw new StartupError(`${where} is still not answering after ${seconds} s (${cause}): giving up`);
          }
          // One line per cause, not one per retry.
          if (cause !== lastCause) opts.log.warn(`${where} is not answering (${cause}); ${patience}`);
          lastCause = cause;
          // The last try falls on the deadline itself.
          await sleep(Math.min(wait, Math.max(0, deadline - Date.now())));
          continue;
        }
        if (lastCause) opts.log.info(`${where} answers now`);
        for (const warning of (await dep.advice?.()) ?? []) opts.log.warn(warning);
        return;
      }
    }),
  );
}

/**
 * The entry points' form: wait, and on a StartupError log its one line and exit 1. The
 * logger should write synchronously (the entry points give pino `destination({ sync: true })`)
 * so that line is the last one written.
 */
export async function waitForDependenciesOrExit(
  deps: Dependency[],
  opts: { timeoutMs: number; log: StartupLog },
): Promise<void> {
  try {
    await waitForDependencies(deps, opts);
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    opts.log.error(err.message);
    process.exit(1);
  }
}
