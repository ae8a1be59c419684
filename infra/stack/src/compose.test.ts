import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiEnv } from '@goodchatter/api';
import { parseEnv } from '@goodchatter/core';
import { IngestEnv } from '@goodchatter/ingest';
import { NotifierEnv } from '@goodchatter/notifier';
import { ScorerEnv } from '@goodchatter/scorer';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';

// No Docker engine runs on our machines, so the compose file is checked against the code instead.
const root = fileURLToPath(new URL('../../../', import.meta.url));
// Compose applies YAML merge keys (<<: *app); the parser must too.
const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true });
const SERVICES: Record<string, z.ZodObject> = {
  api: ApiEnv,
  ingest: IngestEnv,
  scorer: ScorerEnv,
  notifier: NotifierEnv,
};

/**
 * `${VAR:-default}` → default, as compose resolves it with VAR unset; a required
 * `${VAR:?message}` → a value the operator would have to give (24 characters, as keys need).
 */
const resolve = (v: unknown) =>
  String(v)
    .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')
    .replace(/\$\{[A-Z_]+:\?[^}]*\}/g, 'set-by-the-operator-24chars');

describe('docker-compose.yml', () => {
  it('runs postgres and redis with healthchecks', () => {
    for (const name of ['postgres', 'redis']) expect(compose.services[name].healthcheck.test).toBeDefined();
  });

  it('builds the one image once (the api service) and the other services reuse it, never pulling it', () => {
    const builders = Object.keys(SERVICES).filter((name) => compose.services[name].build);
    expect(builders).toEqual(['api']);
    const api = compose.services.api;
    expect(api.build).toEqual({ context: '.', dockerfile: 'infra/Dockerfile' });
    expect(existsSync(`${root}${api.build.dockerfile}`)).toBe(true);
    for (const name of ['ingest', 'scorer', 'notifier']) {
      expect(compose.services[name].image).toBe(api.image);
      expect(compose.services[name].pull_policy).toBe('never');
    }
  });

  it('refuses to start without an admin key', () => {
    expect(compose.services.api.environment.GOODCHATTER_ADMIN_KEY).toMatch(/^\$\{GOODCHATTER_ADMIN_KEY:\?.+\}$/);
  });

  it.each(Object.keys(SERVICES))('%s: real entry point, every setting the service reads, values it accepts', (name) => {
    const svc = compose.services[name];
    // The command runs the service's compiled entry point, which its build emits from src/index.ts.
    expect(svc.command).toEqual(['node', `services/${name}/dist/index.js`]);
    expect(existsSync(`${root}services/${name}/src/index.ts`)).toBe(true);
    const tsconfig = JSON.parse(readFileSync(`${root}services/${name}/tsconfig.build.json`, 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
    // Every variable the service reads is passed through (so each can be set for the
    // containers), every one set is read, and the values pass the service's schema.
    const env = Object.fromEntries(Object.entries(svc.environment).map(([k, v]) => [k, resolve(v)]));
    const known = Object.keys((SERVICES[name] as z.ZodObject).shape);
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(known.filter((k) => !(k in env))).toEqual([]);
    expect(() => parseEnv(SERVICES[name] as z.ZodObject, env)).not.toThrow();
    expect(svc.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });

  it('lets the workers wait for Postgres and Redis for ever, so a database restart is no crash loop', () => {
    for (const name of ['ingest', 'scorer', 'notifier']) {
      expect(resolve(compose.services[name].environment.STARTUP_TIMEOUT_MS), name).toBe('0');
    }
  });

  it('publishes the API port the API listens on, with a readiness healthcheck', () => {
    const api = compose.services.api;
    const env = Object.fromEntries(Object.entries(api.environment).map(([k, v]) => [k, resolve(v)]));
    const port = parseEnv(ApiEnv, env).PORT;
    expect(api.ports.map(resolve)).toContain(`${port}:${port}`);
    expect(api.healthcheck.test.join(' ')).toContain(`:${port}/readyz`);
  });

  it('points the database URL at the compose postgres with its credentials', () => {
    const pg = compose.services.postgres.environment;
    const url = new URL(compose.services.api.environment.DATABASE_URL);
    expect([url.hostname, url.username, url.password, url.pathname.slice(1)]).toEqual([
      'postgres',
      pg.POSTGRES_USER,
      pg.POSTGRES_PASSWORD,
      pg.POSTGRES_DB,
    ]);
  });

  it('scales the workers (`docker compose up --scale scorer=3`): no fixed container name or host port', () => {
    for (const name of ['ingest', 'scorer', 'notifier']) {
      const svc = compose.services[name];
      // A container_name or a published host port allows one container only.
      expect(svc.container_name, name).toBeUndefined();
      expect(svc.ports, name).toBeUndefined();
    }
  });

  it('the Dockerfile builds every service and prunes dev dependencies', () => {
    const dockerfile = readFileSync(`${root}infra/Dockerfile`, 'utf8');
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile/);
    expect(dockerfile).toMatch(/pnpm build/);
    const buildScript = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts.build;
    expect(buildScript).toMatch(/services/);
  });
});
