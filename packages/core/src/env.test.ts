import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaseEnv, booleanFromEnv, EnvError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('gives defaults that point at the local services', () => {
    const env = parseEnv(BaseEnv, {});
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*127\.0\.0\.1:5432/);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.JOB_LOCK_MS).toBe(30_000);
  });

  it('names every wrong variable in one error', () => {
    const run = () => parseEnv(BaseEnv, { DATABASE_URL: 'mysql://x', JOB_LOCK_MS: 'soon', LOG_LEVEL: 'loud' });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(run).toThrow(/JOB_LOCK_MS/);
    expect(run).toThrow(/LOG_LEVEL/);
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv(BaseEnv, { REDIS_URL: '' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('parses booleans strictly', () => {
    const S = z.object({ FLAG: booleanFromEnv.default(false) });
    expect(parseEnv(S, { FLAG: '1' }).FLAG).toBe(true);
    expect(parseEnv(S, { FLAG: 'no' }).FLAG).toBe(false);
    expect(() => parseEnv(S, { FLAG: 'maybe' })).toThrow(/FLAG/);
  });
});
