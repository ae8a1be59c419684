import { describe, expect, it } from 'vitest';
import { apiOptionsFromEnv, loadApiEnv } from './env.js';

describe('API settings for the care app', () => {
  it('default to 12-hour sessions, 10-minute sign-in links, no web root and no trusted proxy', () => {
    const options = apiOptionsFromEnv(loadApiEnv({}));
    expect(options).toMatchObject({ sessionTtlHours: 12, signInLinkTtlMinutes: 10, trustProxy: false });
    expect(options.webRoot).toBeUndefined();
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('read TRUST_PROXY=%s', (value, expected) => {
    expect(loadApiEnv({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each([
    ['SESSION_TTL_HOURS', '0'],
    ['SESSION_TTL_HOURS', 'soon'],
    ['SIGN_IN_LINK_TTL_MINUTES', '0'],
    ['SIGN_IN_LINK_TTL_MINUTES', '1.5'],
  ])('refuse %s=%s, naming it', (name, value) => {
    expect(() => loadApiEnv({ [name]: value })).toThrow(name);
  });
});

describe('DATABASE_READ_URL', () => {
  it('is optional, and taken as given when it is a postgres URL', () => {
    expect(loadApiEnv({}).DATABASE_READ_URL).toBeUndefined();
    const url = 'postgres://reader@replica.internal:5432/goodchatter';
    expect(loadApiEnv({ DATABASE_READ_URL: url }).DATABASE_READ_URL).toBe(url);
  });

  it('refuses anything else, naming it', () => {
    expect(() => loadApiEnv({ DATABASE_READ_URL: 'mysql://replica/goodchatter' })).toThrow('DATABASE_READ_URL');
  });
});
