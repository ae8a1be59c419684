import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareApp, startCareApp } from './care-app.js';
import { chromiumAvailable } from './chromium.js';
import { demoMentions } from './demo-data.js';

let care: CareApp;
let page: Page;
let errors: string[];

const cards = () => page.locator('article.mention');
const selectedId = () => page.locator('article.mention.selected').getAttribute('data-mention-id');
const ids = () => cards().evaluateAll((els) => els.map((e) => e.getAttribute('data-mention-id')));

describe.skipIf(!chromiumAvailable())('triaging the feed in the browser', () => {
  beforeAll(async () => {
    care = await startCareApp();
    await care.ingest(await demoMentions());
    ({ page, errors } = await care.newPage());
    await care.signIn(page);
  });
  afterAll(async () => {
    await care?.close();
  });

  it('renders the feed of the demo data, best first (first render printed, not asserted)', async () => {
    const feed = (await care.api('/v1/feed?limit=50')).body.data as { id: string }[];
    expect(feed.length).toBeGreaterThan(10);
    // A fresh navigation of a signed-in browser: session check, feed page, render.
    const started = Date.now();
    await page.goto(care.url);
    await cards().first().waitFor();
    const wall = Date.now() - started;
    const timing = await page.evaluate(() => {
      const answered = (part: string) => {
        const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(part));
        return entry ? Math.round((entry as PerformanceResourceTiming).responseEnd) : null;
      };
      return {
        render: Math.round(performance.getEntriesByName('feed-first-render')[0]?.startTime ?? -1),
        session: answered('/v1/session'),
        feed: answered('/v1/feed'),
      };
    });
    const total = (await care.api('/v1/stats')).body.data.reduce((n: number, d: { total: number }) => n + d.total, 0);
    console.log(
      `care app: first render of the feed (${feed.length} fresh praise of ${total} demo mentions): ` +
        `${timing.render} ms after navigation start (/v1/session answered at ${timing.session} ms, ` +
        `/v1/feed at ${timing.feed} ms); ${wall} ms as the test saw it`,
    );
    expect(await ids()).toEqual(feed.map((m) => m.id));
    // What a rep needs on each card.
    const first = cards().first();
    for (const what of ['followers', 'Brand', 'Source', 'Posted', 'sure', 'View post']) {
      expect(await first.textContent()).toContain(what);
    }
  });

  it('marks a mention thanked with the keyboard: it leaves the feed and its history has it', async () => {
    await page.goto(care.url);
    await cards().first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const id = await selectedId();
    expect(id).toBeTruthy();
    await page.keyboard.press('t');
    await page.getByLabel('Note (optional)').fill('sent a thank-you DM');
    await page.keyboard.press('Enter');
    await page.locator(`article[data-mention-id="${id}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('Marked thanked');
    // The next mention is selected and focused, ready for the next key.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-mention-id'))).toBe(await selectedId());

    const history = await care.api(`/v1/mentions/${id}/history`);
    expect(history.body.data).toMatchObject([
      { kind: 'status', fromStatus: 'new', toStatus: 'thanked', note: 'sent a thank-you DM' },
    ]);
    const feed = (await care.api('/v1/feed?limit=100')).body.data as { id: string }[];
    expect(feed.map((m) => m.id)).not.toContain(id);
  });

  it('relabels a mention; the correction is in /v1/feedback', async () => {
    const id = await selectedId();
    await page.keyboard.press('l');
    await page.getByLabel('Correct label').selectOption('complaint');
    await page.getByLabel('Reason (optional)').fill('sarcasm');
    await page.getByRole('button', { name: 'Save label' }).click();
    await page.locator(`article[data-mention-id="${id}"]`).waitFor({ state: 'detached' });

    const feedback = (await care.api('/v1/feedback')).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(feedback).toContainEqual(
      expect.objectContaining({ mentionId: Number(id), corrected: 'complaint', reason: 'sarcasm' }),
    );
  });

  it('shows praise pushed through /v1/ingest within seconds, without a reload', async () => {
    await page.goto(care.url);
    await cards().first().waitFor();
    await page.getByTestId('live-state').and(page.locator('[data-state="live"]')).waitFor();
    // A mark on the live document: a reload would drop it.
    await page.evaluate(() => {
      document.documentElement.dataset.notReloaded = 'true';
    });
    const text = 'Huge thanks to Maria at the Acme Air desk, she was amazing and got us on the flight!';
    const sent = Date.now();
    const res = await care.api('/v1/ingest', {
      method: 'POST',
      body: {
        mentions: [
          {
            source: 'push',
            externalId: `live-${sent}`,
            text,
            author: { handle: 'live_fan', followers: 1200 },
            postedAt: new Date().toISOString(),
            brand: 'Acme Air',
          },
        ],
      },
    });
    expect(res.status).toBe(202);
    const card = page.locator('article.mention', { hasText: text });
    await card.waitFor({ timeout: 10_000 });
    console.log(`care app: pushed praise on screen ${Date.now() - sent} ms after POST /v1/ingest`);
    expect(await card.getAttribute('class')).toContain('fresh');
    expect(await page.evaluate(() => document.documentElement.dataset.notReloaded)).toBe('true');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('New praise from @live_fan');
  });

  it('filters by staff and shows complaints in their own view', async () => {
    await page.getByLabel('Staff').fill('maria');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('staff')).toBe('maria');
    await cards().first().waitFor();
    for (const text of await page.locator('article.mention .staff dd').allTextContents()) {
      expect(text.toLowerCase()).toContain('maria');
    }

    await page.getByRole('link', { name: 'Complaints' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaints' }).waitFor();
    await cards().first().waitFor();
    const labels = await page.locator('article.mention').evaluateAll((els) => els.map((e) => e.className));
    expect(labels.every((c) => c.includes('label-complaint'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
