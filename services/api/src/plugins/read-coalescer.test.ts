import { describe, expect, it } from 'vitest';
import { ReadCoalescer } from './read-coalescer.js';

const deferred = () => {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('ReadCoalescer', () => {
  it('shares one in-flight load between identical reads, not between different ones', async () => {
    const c = new ReadCoalescer();
    const d = deferred();
    let loads = 0;
    const load = () => {
      loads++;
      return d.promise;
    };
    const a = c.read('feed?limit=50', load);
    const b = c.read('feed?limit=50', load);
    const other = c.read('feed?limit=10', async () => 'other');
    d.resolve('body');
    expect(await Promise.all([a, b, other])).toEqual(['body', 'body', 'other']);
    expect(loads).toBe(1);
    // Finished: the next read loads again (no TTL).
    expect(await c.read('feed?limit=50', async () => 'fresh')).toBe('fresh');
  });

  it('does not let a read join a load that started before a write', async () => {
    const c = new ReadCoalescer();
    const before = deferred();
    const old = c.read('k', () => before.promise);
    c.invalidate();
    const after = c.read('k', async () => 'after the write');
    before.resolve('before the write');
    expect(await old).toBe('before the write');
    expect(await after).toBe('after the write');
  });

  it('keeps answers for ttlMs when set, and forgets failures', async () => {
    const c = new ReadCoalescer(60_000);
    await expect(c.read('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await c.read('k', async () => 'one')).toBe('one');
    await Promise.resolve();
    expect(await c.read('k', async () => 'two')).toBe('one');
    c.invalidate();
    expect(await c.read('k', async () => 'three')).toBe('three');
  });
});
