import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { logJobFailures } from './failure-log.js';
import { OutageError } from './outage.js';

describe('logJobFailures', () => {
  it('logs poison per job, and an outage once with how many failures it held back', () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const worker = new EventEmitter();
    logJobFailures(worker, { warn: (obj, msg) => lines.push({ obj: { ...obj }, msg }) }, 'score batch');
    const refused = new OutageError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );
    // Postgres away: every job fails, attempt after attempt.
    for (let i = 0; i < 200; i++) worker.emit('failed', { id: String(i) }, refused);
    worker.emit('failed', { id: 'bad' }, new Error('invalid score payload'));
    expect(lines).toEqual([
      {
        obj: { err: 'dependency unavailable: connect ECONNREFUSED 127.0.0.1:5432' },
        msg: 'score batch failed: a dependency is unavailable; retried once it is back',
      },
      { obj: { jobId: 'bad', err: 'invalid score payload' }, msg: 'score batch failed' },
    ]);
  });
});
