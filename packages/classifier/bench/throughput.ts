export interface Rate {
  /** Texts per wall-clock second. */
  wall: number;
  /**
   * Texts per second of this process's CPU time: what one dedicated thread does. On a
   * shared machine the wall-clock rate also counts time the scheduler gave to others.
   */
  cpu: number;
}

/**
 * Texts per second on one thread, after a warm-up so the JIT has compiled the hot path.
 * Runs whole passes over `texts` until `minMs` has elapsed.
 */
export function throughput(texts: readonly string[], fn: (text: string) => unknown, minMs = 3000): Rate {
  let sink = 0;
  for (let i = 0; i < Math.min(texts.length, 3000); i++) if (fn(texts[i] as string)) sink++;
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) if (fn(t)) sink++;
    n += texts.length;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpu0);
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return { wall: (n / elapsed) * 1000, cpu: (n / (cpu.user + cpu.system)) * 1e6 };
}
