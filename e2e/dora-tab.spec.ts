import { expect, Page, test } from '@playwright/test';
import { entityTab } from './entityPage';

// Real app, real backend, real catalog and demo data: the figures were
// computed by the database from the deployments, changes and incidents the
// demo sends through the ingest endpoints at start-up.
const VALUES: Record<string, RegExp> = {
  'Deployment frequency': /\d+(\.\d)? per (week|day)/,
  'Lead time for changes': /\d+ (d|h|min|s)\b/,
  'Change failure rate': /\d+(\.\d)?%/,
  'Failed deployment recovery time': /\d+ (d|h|min|s)\b/,
  'Deployment rework rate': /\d+(\.\d)?%/,
};

function tile(page: Page, title: string) {
  return page.getByRole('region', { name: title });
}

test('the DORA tab shows checkout’s five figures and the rows behind them, and the team’s roll-up', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const enter = page.getByRole('button', { name: 'Enter' });
  const tab = entityTab(page, 'DORA');

  // Sign in as guest, then retry until the catalog has processed the example
  // files and the demo history has landed.
  await expect(async () => {
    await page.goto('/catalog/default/component/checkout/dora');
    await expect(enter.or(tab)).toBeVisible({ timeout: 10_000 });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(tile(page, 'Deployment frequency')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 40_000 });

  for (const [title, value] of Object.entries(VALUES)) {
    await expect(tile(page, title)).toContainText(value);
  }
  const band = tile(page, 'Deployment frequency').locator('[data-band]');
  await expect(band).toHaveAttribute('data-band', /^(elite|high|medium|low)$/);
  await expect(band).toHaveText(/^(Elite|High|Medium|Low)$/);
  await expect(tile(page, 'Deployment frequency')).toContainText(
    // The default window follows the demo's data (at most 90 days).
    /\d+ production deployments? in \d+ days/,
  );
  await expect(
    page.getByRole('figure', { name: 'Production deployments per week' }),
  ).toBeVisible();

  await page.screenshot({ path: 'test-results/e2e/checkout-dora-tab.png' });
  await page
    .getByRole('figure', { name: 'Lead time (median) per week' })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/checkout-dora-trend.png' });

  // The drill-down lists the production deployments behind the frequency.
  await tile(page, 'Deployment frequency').getByRole('button').click();
  const dialog = page.getByRole('dialog');
  const deployments = dialog.getByRole('table', {
    name: 'Production deployments',
  });
  await expect(deployments.locator('tbody tr').first()).toContainText(
    /1\.\d+\.0/,
  );
  expect(await deployments.locator('tbody tr').count()).toBeGreaterThan(1);
  await expect(dialog).toContainText(/\d+ rows in this window/);
  await page.screenshot({
    path: 'test-results/e2e/checkout-dora-drill-down.png',
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The owning team's tab rolls up its components.
  await page.goto('/catalog/default/group/checkout-team/dora');
  const coverage = page.getByText(/^Roll-up of \d+ components? owned/);
  await expect(coverage).toBeVisible();
  const covered = Number((await coverage.textContent())!.match(/\d+/)![0]);
  expect(covered).toBeGreaterThan(1);
  await expect(page.getByRole('link', { name: /^checkout$/i })).toBeVisible();
  await expect(tile(page, 'Deployment frequency')).toContainText(
    VALUES['Deployment frequency'],
  );

  await page.screenshot({
    path: 'test-results/e2e/checkout-team-dora-tab.png',
  });
});
