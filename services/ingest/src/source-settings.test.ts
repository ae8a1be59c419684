/**
 * The Mastodon and Bluesky settings: which sources they turn on, and a half-configured one
 * stopping start-up with the missing variable named.
 */
import { EnvError } from '@goodchatter/core';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { wantsDemo } from './demo.js';
import { loadIngestEnv } from './env.js';
import { buildSources } from './sources.js';

const logger = pino({ level: 'silent' });
const sourcesFor = (vars: Record<string, string>) => Object.keys(buildSources(loadIngestEnv(vars), logger)).sort();

describe('source settings', () => {
  it('the replay source always; Mastodon with MASTODON_URL (token optional); Bluesky with identifier and app password', () => {
    expect(sourcesFor({})).toEqual(['replay']);
    expect(sourcesFor({ MASTODON_URL: 'https://social.example' })).toEqual(['mastodon', 'replay']);
    expect(
      sourcesFor({ BLUESKY_IDENTIFIER: 'care.acme.example', BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop' }),
    ).toEqual(['bluesky', 'replay']);
    expect(loadIngestEnv({}).BLUESKY_SERVICE).toBe('https://bsky.social');
  });

  it.each([
    [{ MASTODON_ACCESS_TOKEN: 't' }, 'MASTODON_URL: needed with MASTODON_ACCESS_TOKEN'],
    [{ BLUESKY_IDENTIFIER: 'care.acme.example' }, 'BLUESKY_APP_PASSWORD: needed with BLUESKY_IDENTIFIER'],
    [{ BLUESKY_APP_PASSWORD: 'pw' }, 'BLUESKY_IDENTIFIER: needed with BLUESKY_APP_PASSWORD'],
    [{ MASTODON_URL: 'ftp://social.example' }, 'MASTODON_URL'],
    [{ BLUESKY_SERVICE: 'not a url' }, 'BLUESKY_SERVICE'],
  ])('%j stops start-up naming the setting', (vars, message) => {
    expect(() => loadIngestEnv(vars)).toThrow(EnvError);
    expect(() => loadIngestEnv(vars)).toThrow(message);
  });

  it('buildSources checks the same (the one-process stack parses its settings with its own schema)', () => {
    const env = { ...loadIngestEnv({}), BLUESKY_IDENTIFIER: 'care.acme.example' };
    expect(() => buildSources(env, logger)).toThrow('BLUESKY_APP_PASSWORD: needed with BLUESKY_IDENTIFIER');
  });

  it('DEMO=auto replays the demo only while no real source is configured', () => {
    expect(wantsDemo(loadIngestEnv({}))).toBe(true);
    expect(wantsDemo(loadIngestEnv({ MASTODON_URL: 'https://social.example' }))).toBe(false);
    expect(wantsDemo(loadIngestEnv({ BLUESKY_IDENTIFIER: 'a.example', BLUESKY_APP_PASSWORD: 'pw' }))).toBe(false);
    expect(wantsDemo(loadIngestEnv({ DEMO: 'on', MASTODON_URL: 'https://social.example' }))).toBe(true);
  });
});
