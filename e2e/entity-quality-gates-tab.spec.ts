import { expect, test } from '@playwright/test';
import { entityTab } from './entityPage';

// Real app, real backend, real catalog and demo data: the tab must show
// deployments that came from the backend over HTTP.
test('an example component shows its deployments on the "Can I deploy?" tab', async ({
  page,
}) => {
  const tab = entityTab(page, 'Can I deploy?');
  const enter = page.getByRole('button', { name: 'Enter' });

  // Sign in as guest, then retry the page until the catalog has processed
  // the example files and the demo history has landed.
  await expect(async () => {
    await page.goto('/catalog/default/component/checkout/quality-gates');
    await expect(enter.or(tab)).toBeVisible({ timeout: 10_000 });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(tab).toBeVisible({ timeout: 5_000 });
    // The demo history arrives through the ingest endpoints after start-up.
    await expect(page.getByText('What is where')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });

  await expect(page.getByText('What is where')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Deployments' }),
  ).toBeVisible();
  // Demo versions are 1.<n>.0; the production row of "What is where" has one.
  const production = page
    .getByRole('row')
    .filter({ hasText: /^production/ })
    .first();
  await expect(production).toContainText(/1\.\d+\.0/);
  await expect(page.getByText(/\d+ in total|Latest \d+ of \d+/)).toBeVisible();

  await page.screenshot({
    path: 'test-results/e2e/checkout-quality-gates-tab.png',
    fullPage: true,
  });
});

test('scripts reach the API with the documented external-access token, and only with it', async ({
  request,
}) => {
  const url =
    '/api/quality-gates/deployments?entityRef=component:default/checkout';
  // Without credentials the API refuses: the plugin never turns auth off.
  expect((await request.get(url)).status()).toBe(401);

  const authorized = await request.get(url, {
    headers: { authorization: 'Bearer local-dev-token-change-me' },
  });
  expect(authorized.status()).toBe(200);
  const body = await authorized.json();
  expect(body.entityRef).toBe('component:default/checkout');
  expect(body.totalCount).toBeGreaterThan(0);

  const unknown = await request.get(
    '/api/quality-gates/deployments?entityRef=component:default/does-not-exist',
    { headers: { authorization: 'Bearer local-dev-token-change-me' } },
  );
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.message).toContain(
    'component:default/does-not-exist',
  );
});
