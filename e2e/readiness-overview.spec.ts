import { readFile } from 'node:fs/promises';
import { expect, Page, test } from '@playwright/test';
import { entityTab } from './entityPage';

// Real app, real backend, real catalog: the readiness the page shows was
// evaluated by the backend from the example entities and read over HTTP.
const EXAMPLE_COMPONENTS = [
  'Checkout',
  'Payments',
  'Inventory',
  'Recommendations',
  'Search indexer',
  'Storefront',
];
const LEVEL = /Bronze|Silver|Gold|No level/;

function overviewTable(page: Page) {
  return page.getByRole('table', { name: 'Readiness of every entity' });
}

function rowOf(page: Page, title: string) {
  return overviewTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** The entity titles of the rows shown, sorted. */
async function titlesShown(page: Page): Promise<string[]> {
  const links = overviewTable(page).locator('tbody tr [data-role="entity"] a');
  return (await links.allTextContents()).sort();
}

async function chooseFilter(page: Page, filter: RegExp, option: string) {
  const filters = page.getByRole('search', { name: 'Filters' });
  await filters.getByRole('button', { name: filter }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the readiness overview lists, filters and exports the example components and leads to their tab', async ({
  page,
}) => {
  const enter = page.getByRole('button', { name: 'Enter' });

  // Sign in as guest, then retry until the catalog has processed the example
  // files and the readiness job has evaluated them.
  await expect(async () => {
    await page.goto('/readiness');
    await expect(enter.or(overviewTable(page))).toBeVisible({
      timeout: 10_000,
    });
    if (await enter.isVisible()) {
      await enter.click();
    }
    for (const title of EXAMPLE_COMPONENTS) {
      await expect(rowOf(page, title)).toBeVisible({ timeout: 2_000 });
    }
  }).toPass({ timeout: 90_000 });

  for (const title of EXAMPLE_COMPONENTS) {
    await expect(rowOf(page, title)).toContainText(LEVEL);
  }
  // Its owner does not resolve, so it cannot reach even the first level.
  await expect(rowOf(page, 'Search indexer')).toContainText('No level');
  // Experimental components are new (here every entity is, being first
  // seen just now).
  await expect(rowOf(page, 'Recommendations')).toContainText('New');
  await expect(rowOf(page, 'Search indexer')).toContainText('New');

  await page.screenshot({ path: 'test-results/e2e/readiness-overview.png' });

  // Filter by lifecycle: the list changes and the URL can be shared.
  await chooseFilter(page, /^Lifecycle/, 'experimental');
  await expect(rowOf(page, 'Checkout')).toHaveCount(0);
  const experimental = await titlesShown(page);
  expect(experimental).toEqual(
    expect.arrayContaining(['Recommendations', 'Search indexer']),
  );
  for (const production of [
    'Checkout',
    'Payments',
    'Inventory',
    'Storefront',
  ]) {
    expect(experimental).not.toContain(production);
  }
  expect(new URL(page.url()).searchParams.get('lifecycle')).toBe(
    'experimental',
  );

  // Filter by failing check: only the component whose owner is dangling.
  await page.getByRole('button', { name: 'Clear filters and sort' }).click();
  await expect(rowOf(page, 'Checkout')).toBeVisible();
  await chooseFilter(page, /^Failing check/, 'Owned by a team');
  await expect(rowOf(page, 'Checkout')).toHaveCount(0);
  expect(await titlesShown(page)).toEqual(['Search indexer']);

  // The export carries the same filter and the user's credentials.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^readiness-.*\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('component:default/search-indexer');
  expect(csv).not.toContain('component:default/checkout');

  // Each row leads to the entity's readiness tab, with every check's state.
  await rowOf(page, 'Search indexer')
    .getByRole('link', { name: 'Search indexer', exact: true })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/search-indexer\/readiness$/,
  );
  await expect(entityTab(page, 'Readiness')).toHaveAttribute(
    'aria-current',
    'page',
  );
  const owner = page.locator('[data-check="owner"]');
  await expect(owner).toContainText('Owned by a team');
  await expect(owner.locator('[data-state]').first()).toHaveText('Failed');
  await expect(owner).toContainText('group:default/search-team');
  await expect(page.getByText(/Score \d+%/)).toBeVisible();

  // On demand evaluation answers with the same states.
  await page.getByRole('button', { name: 'Evaluate now' }).click();
  await expect(
    page.getByRole('button', { name: 'Evaluate now' }),
  ).toBeEnabled();
  await expect(owner).toContainText('Failed');

  // The local policy allows everything: grant an exemption, see the check
  // count as exempt, then revoke it.
  await owner.getByRole('button', { name: 'Grant exemption' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(/Reason/)
    .fill('The search team is being set up in the org data this week');
  await dialog.getByRole('button', { name: 'Grant exemption' }).click();
  await expect(dialog).toBeHidden();
  // The state chip of the check's summary, not the exemption notice.
  const ownerState = owner.locator('[data-state]').first();
  await expect(ownerState).toHaveAttribute('data-state', 'exempt');
  await expect(ownerState).toHaveText('Exempt');
  await expect(owner.getByRole('note', { name: 'Exemption' })).toContainText(
    'The search team is being set up',
  );
  await owner.getByRole('button', { name: 'Revoke exemption' }).click();
  await expect(owner.getByRole('note', { name: 'Exemption' })).toBeHidden();
  await expect(ownerState).toHaveAttribute('data-state', 'failed');
  await expect(
    page.getByRole('table', { name: 'Exemptions' }).getByRole('row').nth(1),
  ).toContainText('Revoked');

  await page.screenshot({
    path: 'test-results/e2e/search-indexer-readiness-tab.png',
    fullPage: true,
  });
});
