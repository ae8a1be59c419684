import { type ApiDeps, buildApi } from '@goodchatter/api';
import { countMentions, createDatabase, type Database } from '@goodchatter/db';
import { startNotifier } from '@goodchatter/notifier';
import { closeRedis, createRedis } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import { createTestEnv, type TestEnv } from '@goodchatter/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { buildAppInto } from './build-app.js';
import { launchChromium } from './chromium.js';

export const ADMIN_KEY = 'gc_browser_test_admin_key_0123456789';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the tests' assertions
type Body = any;

/**
 * The API as production builds it (buildApi, with the care app built by Vite into a temp
 * dir as its webRoot), a scorer labelling what is ingested, on a database and queue prefix
 * of their own, listening on a loopback port; and a headless Chromium pointed at it.
 */
export interface CareApp {
  url: string;
  env: TestEnv;
  database: Database;
  app: FastifyInstance;
  browser: Browser;
  /** A request with `Authorization: Bearer <key>` (admin unless given). */
  api(
    path: string,
    init?: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> },
  ): Promise<{
    status: number;
    body: Body;
    text: string;
  }>;
  /** Push mentions through POST /v1/ingest and wait until the scorer stored them all. */
  ingest(mentions: unknown[]): Promise<void>;
  /**
   * A fresh browser profile (no cookies) and a page in it; `errors` collects uncaught page
   * errors and console errors other than refused requests (a CSP violation lands there).
   */
  newPage(opts?: {
    viewport?: { width: number; height: number };
  }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  /** Signs `page` in through the form with `key`, and waits for the feed. */
  signIn(page: Page, key?: string): Promise<void>;
  close(): Promise<void>;
}

export interface CareAppOptions {
  /** Also run the notifier, delivering webhooks to loopback receivers. */
  notifier?: boolean;
  api?: Partial<ApiDeps>;
}

export async function startCareApp(opts: CareAppOptions = {}): Promise<CareApp> {
  const built = await buildAppInto();
  const env = await createTestEnv();
  const database = createDatabase(env.databaseUrl, { max: 5 });
  const apiRedis = createRedis(env.redisUrl, 'producer');
  const workerRedis = createRedis(env.redisUrl, 'worker');
  const logger = pino({ level: 'silent' });
  const scorer = startScorer({ database, connection: workerRedis, prefix: env.prefix, logger });
  const notifier = opts.notifier
    ? startNotifier({
        database,
        connection: workerRedis,
        prefix: env.prefix,
        logger,
        allowPrivate: true,
        sweepEveryMs: 250,
      })
    : undefined;
  const app = await buildApi({
    database,
    redis: apiRedis,
    logger: false,
    queuePrefix: env.prefix,
    adminKey: ADMIN_KEY,
    webRoot: built.dir,
    sseHeartbeatMs: 1_000,
    webhookAllowPrivate: opts.notifier,
    ...opts.api,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = address;
  const browser = await launchChromium();

  async function api(
    path: string,
    init: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {},
  ) {
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.key ?? ADMIN_KEY}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  }

  return {
    url,
    env,
    database,
    app,
    browser,
    api,
    async ingest(mentions) {
      const before = await countMentions(database.db);
      for (let i = 0; i < mentions.length; i += 500) {
        const res = await api('/v1/ingest', { method: 'POST', body: { mentions: mentions.slice(i, i + 500) } });
        if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${res.text}`);
      }
      // A harness helper, callable from hooks too, where expect.poll is not allowed.
      await vi.waitFor(
        async () =>
          expect(await countMentions(database.db), `${mentions.length} mentions stored`).toBeGreaterThanOrEqual(
            before + mentions.length,
          ),
        { timeout: 60_000, interval: 100 },
      );
    },
    async newPage(opts = {}) {
      const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg) => {
        // A 401 before sign-in, or a 403 a test provokes, is logged by Chromium as a failed load.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
      });
      return { context, page, errors };
    },
    async signIn(page, key = ADMIN_KEY) {
      await page.goto(url);
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Good chatter', exact: true }).waitFor();
    },
    async close() {
      await browser.close();
      await app.close();
      await scorer.close();
      await notifier?.close();
      await Promise.all([closeRedis(apiRedis), closeRedis(workerRedis)]);
      await database.close();
      await env.cleanup();
      await built.remove();
    },
  };
}
