import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WEB_DIR } from './build-app.js';

const DIR = join(WEB_DIR, '../../docs/screenshots');

/**
 * Saves a screenshot for the README, only when SCREENSHOTS=1: ordinary test runs never
 * rewrite the committed images. `SCREENSHOTS=1 pnpm vitest run services/web/src/browser`
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await mkdir(DIR, { recursive: true });
  // Let animations (a new card's highlight) and fonts settle.
  await page.waitForTimeout(1_300);
  // A sticky header would be drawn where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: opts.fullPage ?? false, animations: 'disabled' });
}
