import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type CareApp, startCareApp } from './care-app.js';
import { chromiumAvailable } from './chromium.js';

let care: CareApp;

describe.skipIf(!chromiumAvailable())('signing in to the care app', () => {
  beforeAll(async () => {
    care = await startCareApp();
  });
  afterAll(async () => {
    await care?.close();
  });

  it('takes an API key in the form, refusing a wrong one, and keeps the session in an HttpOnly cookie', async () => {
    const { context, page, errors } = await care.newPage();
    await page.goto(care.url);
    await page.getByLabel('API key').fill('gc_not_a_real_key_000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');

    await page.getByLabel('API key').fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Good chatter', exact: true }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'gc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    // Signed in across reloads; signed out by the button.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Good chatter', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate(async () => (await fetch('/v1/session')).status)).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with a one-time link, which then no longer works', async () => {
    const link = await care.api('/v1/session/links', { method: 'POST', body: {} });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/^\/sign-in\?token=/);

    const first = await care.newPage();
    await first.page.goto(`${care.url}${link.body.url}`);
    await first.page.getByRole('heading', { level: 1, name: 'Good chatter', exact: true }).waitFor();
    expect(new URL(first.page.url()).pathname).toBe('/');
    await first.context.close();

    const again = await care.newPage();
    await again.page.goto(`${care.url}${link.body.url}`);
    await again.page.getByTestId('sign-in-reason').waitFor();
    expect(await again.page.getByTestId('sign-in-reason').textContent()).toContain('expired or was already used');
    await again.context.close();
  });

  it("refuses a revoked key's session at once, and the app asks to sign in again", async () => {
    const made = await care.api('/v1/api-keys', { method: 'POST', body: { name: 'rep laptop', scopes: ['write'] } });
    expect(made.status).toBe(201);
    const { context, page } = await care.newPage();
    await care.signIn(page, made.body.key);

    expect((await care.api(`/v1/api-keys/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await page.evaluate(async () => (await fetch('/v1/session')).status)).toBe(401);
    await page.getByRole('link', { name: 'Kudos wall' }).click();
    await page.getByTestId('sign-in-reason').waitFor();
    expect(await page.getByTestId('sign-in-reason').textContent()).toContain('session has ended');
    await context.close();
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    await care.ingest([
      {
        source: 'csrf',
        externalId: 'c1',
        text: 'Thank you so much, the team was wonderful and fixed it in minutes!',
        author: { handle: 'csrf_fan', followers: 10 },
        postedAt: new Date().toISOString(),
        brand: 'Acme Air',
      },
    ]);
    const id = (await care.api('/v1/mentions?source=csrf')).body.data[0].id as string;
    const { context, page } = await care.newPage();
    await care.signIn(page);

    const statuses = await page.evaluate(async (mentionId) => {
      const patch = (headers: Record<string, string>) =>
        fetch(`/v1/mentions/${mentionId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ status: 'thanked' }),
        });
      const session = (await (await fetch('/v1/session')).json()) as { csrfToken: string };
      const without = await patch({});
      const wrong = await patch({ 'x-csrf-token': 'not-the-token' });
      const right = await patch({ 'x-csrf-token': session.csrfToken });
      return [without.status, wrong.status, right.status];
    }, id);
    expect(statuses).toEqual([403, 403, 200]);
    const history = await care.api(`/v1/mentions/${id}/history`);
    expect(history.body.data).toHaveLength(1);
    await context.close();
  });
});
