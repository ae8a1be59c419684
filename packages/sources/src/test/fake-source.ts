import { afterEach, beforeEach } from 'vitest';
import type { SourceAdapter } from '../adapter.js';

/**
 * Starts a fake third party and an adapter pointed at it before each test and closes both
 * after, the adapter first (X's holds keep-alive sockets to the fake).
 */
export function useFakeSource<Fake extends { close(): Promise<void> }, Adapter extends SourceAdapter>(
  start: () => Promise<Fake>,
  adapterFor: (fake: Fake) => Adapter,
): { readonly fake: Fake; readonly adapter: Adapter } {
  let current: { fake: Fake; adapter: Adapter } | undefined;
  beforeEach(async () => {
    const fake = await start();
    current = { fake, adapter: adapterFor(fake) };
  });
  afterEach(async () => {
    current?.adapter.close?.();
    await current?.fake.close();
    current = undefined;
  });
  const started = () => {
    if (!current) throw new Error('useFakeSource: the fake runs only inside a test');
    return current;
  };
  return {
    get fake() {
      return started().fake;
    },
    get adapter() {
      return started().adapter;
    },
  };
}
