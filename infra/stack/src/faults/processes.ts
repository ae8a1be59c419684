import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type ServiceName, spawnService } from '@goodchatter/testing';

/** One line a service wrote: its pino JSON, or (a crash, a Node warning) the raw text at level 60. */
export interface LogLine {
  service: ServiceName;
  time: number;
  level: number;
  msg: string;
  suppressed?: number;
}

/**
 * The services as separate processes, each started the way its container starts it, with
 * its output captured so the suite can count log lines. An exit the suite did not cause
 * is a crash: recorded, never restarted, so a crashed service shows up as a row that does
 * not recover.
 */
export class Processes {
  private readonly procs = new Map<ServiceName, ChildProcess>();
  private readonly stopping = new Set<ChildProcess>();
  readonly crashes: string[] = [];
  readonly logs: LogLine[] = [];

  constructor(
    private readonly target: { databaseUrl: string; redisUrl: string; prefix: string },
    private readonly env: Record<string, string>,
  ) {}

  /** Lines the services in `services` wrote during [from, to], by service and message. */
  linesDuring(from: number, to: number, services: readonly string[]): Map<string, LogLine[]> {
    const by = new Map<string, LogLine[]>();
    for (const l of this.logs) {
      if (l.time < from || l.time > to || !services.includes(l.service)) continue;
      const key = `${l.service}: ${l.msg}`;
      by.set(key, [...(by.get(key) ?? []), l]);
    }
    return by;
  }

  start(name: ServiceName): void {
    const child = spawnService(name, this.target, this.env, { capture: true });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.logs.push(parseLine(name, line)));
    }
    child.once('exit', (code, signal) => {
      if (!this.stopping.has(child)) this.crashes.push(`${name} exited by itself (${code ?? signal})`);
    });
    this.procs.set(name, child);
  }

  /** SIGKILL: no chance to finish anything. */
  kill(name: ServiceName): Promise<void> {
    return this.signal(name, 'SIGKILL');
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) a service: it falls behind without being restarted. */
  pause(name: ServiceName, paused: boolean): void {
    this.procs.get(name)?.kill(paused ? 'SIGSTOP' : 'SIGCONT');
  }

  async stopAll(): Promise<void> {
    for (const name of this.procs.keys()) await this.signal(name, 'SIGKILL');
  }

  private async signal(name: ServiceName, sig: NodeJS.Signals): Promise<void> {
    const child = this.procs.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.stopping.add(child);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(sig);
    await exited;
  }
}

function parseLine(service: ServiceName, line: string): LogLine {
  try {
    const j = JSON.parse(line) as { time: number; level: number; msg: string; suppressed?: number };
    return { service, time: j.time, level: j.level, msg: j.msg, suppressed: j.suppressed };
  } catch {
    return { service, time: Date.now(), level: 60, msg: line };
  }
}
