import { startWebhookReceiver, type WebhookReceiver } from '@goodchatter/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareApp, startCareApp } from './care-app.js';
import { chromiumAvailable } from './chromium.js';
import { demoMentions } from './demo-data.js';
import { screenshot } from './screenshots.js';

let care: CareApp;
let receiver: WebhookReceiver;
let page: Page;
let errors: string[];

/** Form controls without a name a screen reader can read out. */
const unlabelled = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
      .filter((el) => {
        const e = el as HTMLInputElement;
        const named = e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
        return !named && !(el.tagName === 'BUTTON' && el.textContent?.trim());
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );

describe.skipIf(!chromiumAvailable())('the other views: trends, setup, the phone layout', () => {
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    care = await startCareApp({ notifier: true });
    await care.ingest(await demoMentions());
    // Some of the team's work, so the weekly charts have something to show.
    const praise = (await care.api('/v1/mentions?label=praise&limit=30')).body.data as { id: string }[];
    for (const [i, m] of praise.entries()) {
      const status = i % 4 === 0 ? 'rewarded' : i % 3 === 0 ? 'dismissed' : 'thanked';
      if (i < 20) await care.api(`/v1/mentions/${m.id}`, { method: 'PATCH', body: { status } });
    }
    const query = await care.api('/v1/queries', {
      method: 'POST',
      body: { brand: 'Acme Air', source: 'x', query: '"Acme Air" -is:retweet', dailyBudget: 5000 },
    });
    expect(query.status).toBe(201);
    ({ page, errors } = await care.newPage());
  });
  afterAll(async () => {
    await care?.close();
    await receiver?.close();
  });

  it('signs in and triages on a phone-sized screen without sideways scrolling', async () => {
    const phone = await care.newPage({ viewport: { width: 390, height: 844 } });
    await care.signIn(phone.page);
    await phone.page.locator('article.mention').first().waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'feed-phone');
    // Filters fold away on a phone, a tap away.
    expect(await phone.page.getByLabel('Brand').isVisible()).toBe(false);
    await phone.page.getByRole('button', { name: 'Filters' }).click();
    expect(await phone.page.getByLabel('Brand').isVisible()).toBe(true);
    // Triage by touch: the action buttons, then confirm.
    const first = phone.page.locator('article.mention').first();
    const id = await first.getAttribute('data-mention-id');
    await first.getByRole('button', { name: /^Thanked/ }).click();
    await phone.page.getByRole('button', { name: 'Mark thanked' }).click();
    await phone.page.locator(`article[data-mention-id="${id}"]`).waitFor({ state: 'detached' });
    await phone.context.close();
  });

  it('shows the feed and the complaints with every control labelled', async () => {
    await page.goto(care.url);
    await page.getByLabel('API key').waitFor();
    await screenshot(page, 'sign-in');
    await care.signIn(page);
    await page.locator('article.mention').first().waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    await screenshot(page, 'feed');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Complaints' }).click();
    await page.locator('article.mention').first().waitFor();
    await screenshot(page, 'complaints');
    await page.getByRole('link', { name: 'Kudos wall' }).click();
    await page.getByTestId('kudos-entry').first().waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await screenshot(page, 'kudos', { fullPage: true });
  });

  it('draws the trends: praise ratio and volume per day, time to thanked, thanked and rewarded per week', async () => {
    await page.getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('heading', { level: 2, name: 'Praise ratio per day' }).waitFor();
    const trends = (await care.api('/v1/trends?days=30')).body;
    expect(trends.weekly.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(4);
    // Each chart's numbers are in a table too (for screen readers, and to check the chart's data).
    await page.getByText('Show the numbers').first().click();
    const days = new Set(trends.daily.map((d: { day: string }) => d.day));
    expect(await page.locator('.chart-panel').first().locator('details tbody tr').count()).toBe(days.size);
    await page.getByText('Show the numbers').first().click();
    expect(await unlabelled(page)).toEqual([]);
    await screenshot(page, 'trends', { fullPage: true });
  });

  it('lets an admin poll a query, add and test a webhook, redeliver, and make and revoke keys', async () => {
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tracked queries' }).waitFor();
    const row = page.getByRole('row', { name: /Acme Air/ });
    await row.getByRole('button', { name: /Poll now/ }).click();
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('Poll of Acme Air queued');
    expect(await row.textContent()).toContain('5K of 5K');

    await page.getByText('Add a webhook').click();
    await page.getByLabel('URL').fill(`${receiver.url}/hooks`);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText('Signing secret').waitFor();
    await page.getByRole('button', { name: 'Send test' }).click();
    await expect
      .poll(() => receiver.received.length, { message: 'the test delivery', timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Delivery log' }).click();
    const delivered = page.locator('.delivery-log tbody tr', { hasText: 'delivered' });
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return delivered.count();
      })
      .toBeGreaterThan(0);
    await delivered.first().getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('Redelivery queued');
    await expect
      .poll(() => receiver.received.length, { message: 'the redelivery', timeout: 15_000 })
      .toBeGreaterThan(1);
    // The same delivery (same event id), sent again: delivered once more.
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return page.locator('.delivery-log tbody tr', { hasText: 'pending' }).count();
      })
      .toBe(0);

    await page.getByLabel('New key name').fill('night shift');
    await page.getByLabel('Scope').selectOption('write');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByTestId('new-key').textContent();
    expect(key).toMatch(/^gc_/);
    expect((await care.api('/v1/feed?limit=1', { key: key ?? '' })).status).toBe(200);
    expect(await unlabelled(page)).toEqual([]);
    await screenshot(page, 'setup', { fullPage: true });

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke night shift' }).click();
    await page.getByRole('row', { name: /night shift/ }).waitFor({ state: 'detached' });
    expect((await care.api('/v1/feed?limit=1', { key: key ?? '' })).status).toBe(401);
    expect(await page.getByRole('link', { name: 'Open the queue dashboard' }).getAttribute('href')).toBe(
      '/admin/queues',
    );
    expect(errors).toEqual([]);
  });
});
