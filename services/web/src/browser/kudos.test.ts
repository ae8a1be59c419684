import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareApp, startCareApp } from './care-app.js';
import { chromiumAvailable } from './chromium.js';
import { demoMentions } from './demo-data.js';
import { screenshot } from './screenshots.js';

let care: CareApp;
let page: Page;
let errors: string[];

interface Entry {
  staff: string;
  brand: string | null;
  count: number;
}

/** What a wall shows: each person, their brand and count, top to bottom. */
const wallOf = (p: Page): Promise<Entry[]> =>
  p.getByTestId('kudos-entry').evaluateAll((els) =>
    els.map((e) => ({
      staff: e.getAttribute('data-staff') ?? '',
      brand: e.getAttribute('data-brand') || null,
      count: Number(e.querySelector('[data-testid="kudos-count"]')?.textContent),
    })),
  );
const apiKudos = async (): Promise<Entry[]> =>
  (await care.api('/v1/kudos')).body.data.map((e: Entry) => ({ staff: e.staff, brand: e.brand, count: e.count }));

describe.skipIf(!chromiumAvailable())('the kudos wall', () => {
  beforeAll(async () => {
    care = await startCareApp();
    const now = new Date().toISOString();
    const variant = (i: number, text: string) => ({
      source: 'push',
      externalId: `variant-${i}`,
      text,
      author: { handle: `fan${i}` },
      postedAt: now,
      brand: 'Acme Air',
    });
    await care.ingest([
      ...(await demoMentions()),
      variant(1, 'Priya S. at the Acme Air desk was brilliant, thank you so much!'),
      variant(2, 'Shoutout to @priya_helps, sorted my rebooking in minutes. Amazing service, thanks!'),
    ]);
    ({ page, errors } = await care.newPage());
    await care.signIn(page);
  });
  afterAll(async () => {
    await care?.close();
  });

  it('shows the same people and counts as /v1/kudos', async () => {
    await page.getByRole('link', { name: 'Kudos wall' }).click();
    await page.getByTestId('kudos-entry').first().waitFor();
    const expected = await apiKudos();
    expect(expected.length).toBeGreaterThan(5);
    expect(await wallOf(page)).toEqual(expected);
    expect(Number(await page.getByTestId('kudos-total').textContent())).toBe(expected.reduce((n, e) => n + e.count, 0));
  });

  it('merges name variants of one rep into one person', async () => {
    const before = await apiKudos();
    const priya = before.find((e) => e.staff === 'Priya' && e.brand === 'Acme Air');
    const handle = before.find((e) => e.staff === '@priya_helps' && e.brand === 'Acme Air');
    expect(priya && handle).toBeTruthy();

    for (const name of ['Priya', '@priya_helps']) {
      await page
        .locator(`[data-testid="kudos-entry"][data-staff="${name}"][data-brand="Acme Air"]`)
        .getByLabel('Select to merge')
        .check();
    }
    await expect.poll(() => page.getByLabel('Show them as').inputValue()).toBe('Priya');
    await page.getByRole('button', { name: 'Merge 2 names' }).click();
    await page.locator('[data-testid="kudos-entry"][data-staff="@priya_helps"]').waitFor({ state: 'detached' });

    const after = await apiKudos();
    expect(after).toContainEqual({
      staff: 'Priya',
      brand: 'Acme Air',
      count: (priya?.count ?? 0) + (handle?.count ?? 0),
    });
    expect(await wallOf(page)).toEqual(after);
    expect((await care.api('/v1/staff-aliases')).body.data).toContainEqual(
      expect.objectContaining({ brand: 'Acme Air', person: 'Priya', alias: 'priya_helps' }),
    );
  });

  it('prints one compliment per page, without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const style = await page.evaluate(() => {
        const header = document.querySelector('.app-header');
        const cards = [...document.querySelectorAll('.compliments > li')];
        return {
          header: header ? getComputedStyle(header).display : null,
          breaks: cards.map((c) => getComputedStyle(c).breakBefore),
        };
      });
      expect(style.header).toBe('none');
      expect(style.breaks.slice(1).every((b) => b === 'page')).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBe(style.breaks.length);
      await screenshot(page, 'kudos-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shares a read-only wall that needs no sign-in, until the link is revoked', async () => {
    await page.getByText('Share a read-only wall').click();
    await page.getByRole('button', { name: 'Create share link' }).click();
    const link = await page.getByLabel(/New link/).inputValue();
    expect(new URL(link).pathname).toMatch(/^\/wall\/.+/);

    const team = await care.newPage();
    await team.page.goto(link);
    await team.page.getByTestId('kudos-entry').first().waitFor();
    expect(await wallOf(team.page)).toEqual(await apiKudos());
    expect(await team.page.getByLabel('API key').count()).toBe(0);
    expect(await team.page.getByLabel('Select to merge').count()).toBe(0);
    await screenshot(team.page, 'wall');

    await page
      .getByTestId('share')
      .getByRole('button', { name: /Revoke/ })
      .click();
    await page.getByTestId('share').waitFor({ state: 'detached' });
    await team.page.reload();
    await team.page.getByText('revoked or has expired').waitFor();
    expect(team.errors).toEqual([]);
    await team.context.close();
    expect(errors).toEqual([]);
  });
});
