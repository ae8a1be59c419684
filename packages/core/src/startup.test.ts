import { describe, expect, it } from 'vitest';
import { rateLimited } from './rate-limited.js';
import { type Dependency, describeCause, redactUrl, StartupError, waitForDependencies } from './startup.js';

/** Collects what start-up logs, by level. */
function recorder() {
  const lines: { level: string; msg: string }[] = [];
  const log = {
    info: (msg: string) => lines.push({ level: 'info', msg }),
    warn: (msg: string) => lines.push({ level: 'warn', msg }),
    error: (msg: string) => lines.push({ level: 'error', msg }),
  };
  return { lines, log };
}

/** A dependency that fails `failures` times with `err`, then answers. */
function flaky(failures: number, err: Error, extra: Partial<Dependency> = {}): Dependency & { calls: number } {
  const dep = {
    name: 'Thing',
    url: 'thing://user:secret@127.0.0.1:1/x',
    calls: 0,
    async check() {
      dep.calls++;
      if (dep.calls <= failures) throw err;
    },
    ...extra,
  };
  return dep;
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://gc:hunter2@db:5432/goodchatter')).toBe('postgres://gc:***@db:5432/goodchatter');
    expect(redactUrl('redis://:hunter2@cache:6379')).toBe('redis://:***@cache:6379');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactUrl('not a url')).toBe('(unparseable URL)');
  });
});

describe('describeCause', () => {
  it('names the code once, with the message', () => {
    expect(describeCause(refused)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(describeCause(Object.assign(new Error('role "x" does not exist'), { code: '28000' }))).toBe(
      '28000: role "x" does not exist',
    );
    expect(describeCause(new AggregateError([refused], ''))).toBe('connect ECONNREFUSED 127.0.0.1:1');
  });
});

describe('waitForDependencies', () => {
  it('says once that a dependency is not answering, and once that it answers now', async () => {
    const { lines, log } = recorder();
    const dep = flaky(3, refused);
    await waitForDependencies([dep], { timeoutMs: 30_000, log });
    expect(dep.calls).toBe(4);
    expect(lines).toEqual([
      {
        level: 'warn',
        msg: 'Thing at thing://user:***@127.0.0.1:1/x is not answering (connect ECONNREFUSED 127.0.0.1:1); retrying for up to 30 s',
      },
      { level: 'info', msg: 'Thing at thing://user:***@127.0.0.1:1/x answers now' },
    ]);
  });

  it('gives up after the deadline with one line saying why, having logged one warning', async () => {
    const { lines, log } = recorder();
    const dep = flaky(Number.POSITIVE_INFINITY, refused);
    const err = await waitForDependencies([dep], { timeoutMs: 1500, log }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toBe(
      'Thing at thing://user:***@127.0.0.1:1/x is still not answering after 2 s (connect ECONNREFUSED 127.0.0.1:1): giving up',
    );
    expect(dep.calls).toBeGreaterThan(1);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('with timeoutMs 0 waits for ever, and says so', async () => {
    const { lines, log } = recorder();
    // Read as a deadline, 0 would give up at the first failure.
    const dep = flaky(3, refused);
    await waitForDependencies([dep], { timeoutMs: 0, log });
    expect(dep.calls).toBe(4);
    expect(lines.map((l) => l.msg)).toEqual([
      'Thing at thing://user:***@127.0.0.1:1/x is not answering (connect ECONNREFUSED 127.0.0.1:1); retrying until it does (STARTUP_TIMEOUT_MS=0)',
      'Thing at thing://user:***@127.0.0.1:1/x answers now',
    ]);
  });

  it('gives up at once on a refusal retrying cannot fix', async () => {
    const { lines, log } = recorder();
    const denied = Object.assign(new Error('password authentication failed for user "gc"'), { code: '28P01' });
    const dep = flaky(Number.POSITIVE_INFINITY, denied, { permanent: () => 'wrong password; check THING_URL' });
    const err = await waitForDependencies([dep], { timeoutMs: 30_000, log }).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'Thing at thing://user:***@127.0.0.1:1/x refused us (28P01: password authentication failed for user "gc"): wrong password; check THING_URL',
    );
    expect(dep.calls).toBe(1);
    expect(lines).toEqual([]);
  });

  it('logs the advice of a dependency that answers', async () => {
    const { lines, log } = recorder();
    const dep = flaky(0, refused, { advice: async () => ['persistence is off'] });
    await waitForDependencies([dep], { timeoutMs: 1000, log });
    expect(lines).toEqual([{ level: 'warn', msg: 'persistence is off' }]);
  });
});

describe('rateLimited', () => {
  it('lets the first call through, holds back the rest of the window, then reports how many', async () => {
    const limit = rateLimited(200);
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) limit((held) => seen.push(held));
    expect(seen).toEqual([0]);
    await new Promise((r) => setTimeout(r, 250));
    limit((held) => seen.push(held));
    expect(seen).toEqual([0, 49]);
  });
});
