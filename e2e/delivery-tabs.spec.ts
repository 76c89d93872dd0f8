import { expect, Page, test } from '@playwright/test';
import { entityTabs } from './entityPage';

// Real app, real backend, real catalog and demo data: the demo sends its
// deployments, CI runs (with their OTLP traces) and gate evaluations through
// the plugin's own endpoints at start-up.

async function openTab(page: Page, path: string, ready: () => Promise<void>) {
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(async () => {
    await page.goto(`/catalog/default/component/checkout/${path}`);
    await expect(enter.or(entityTabs(page))).toBeVisible({
      timeout: 10_000,
    });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await ready();
  }).toPass({ timeout: 120_000 });
}

test('the deploy timeline shows lanes in promotion order, markers, what is where and a deployment', async ({
  page,
}) => {
  const chart = page.getByRole('group', {
    name: 'Deployments, gate decisions and incidents per environment over time',
  });
  // The demo asks the gates about each component's newest version once
  // its history has landed: wait for both.
  await openTab(page, 'deploy-timeline', async () => {
    await expect(chart.locator('[data-kind="deployment"]').first()).toBeVisible(
      { timeout: 5_000 },
    );
    await expect(chart.locator('[data-verdict]').first()).toBeVisible({
      timeout: 5_000,
    });
  });

  const lanes = await chart
    .locator('[data-lane]')
    .evaluateAll(nodes => nodes.map(node => node.getAttribute('data-lane')));
  expect(lanes).toEqual(['development', 'staging', 'production']);
  expect(
    await chart.locator('[data-kind="deployment"]').count(),
  ).toBeGreaterThan(5);

  const whatIsWhere = page.getByRole('table', { name: 'What is where' });
  await expect(
    whatIsWhere.getByRole('row').filter({ hasText: /^production/ }),
  ).toContainText(/1\.\d+\.0/);
  await page.screenshot({
    path: 'test-results/e2e/checkout-deploy-timeline.png',
    fullPage: true,
  });

  // Zooming in narrows the axis.
  const viewStart = await chart.getAttribute('data-view-start');
  await page
    .getByRole('group', { name: 'Zoom' })
    .getByRole('button', { name: /zoom in/i })
    .click();
  await expect(chart).not.toHaveAttribute('data-view-start', viewStart!);

  // A production deployment opens with what it brought and how it ran.
  await page.getByRole('button', { name: /reset/i }).click();
  // The newest successful production deployment.
  await chart
    .locator(
      '[data-kind="deployment"][data-status="succeeded"][aria-label*=" to production: "]',
    )
    .last()
    .click();
  await expect(
    page.getByRole('heading', { name: /to production$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Pipeline run' }),
  ).toContainText(/Success/);
  await expect(page.getByText(/^Changes \(\d+\)$/)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Gate decisions' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'test-results/e2e/checkout-deployment-drawer.png',
  });
  const pathLink = page.getByRole('link', {
    name: /^Path of .* to production$/,
  });
  const pathHref = await pathLink.getAttribute('href');
  await page.getByRole('button', { name: 'Close' }).click();

  // A gate decision opens with its criteria's evidence (the release checks;
  // the demo's freeze gate is decided at the same moment).
  await chart.locator('[data-gate="release-checks"]').last().click();
  const evidence = page.getByRole('dialog');
  await expect(evidence).toContainText('The CI run of this version succeeded');
  await page.screenshot({
    path: 'test-results/e2e/checkout-timeline-gate-evidence.png',
  });

  // The deployed version's way there: CI, then each environment in turn.
  await page.goto(pathHref!);
  const path = page.getByRole('list', { name: 'Path to production' });
  await expect(page.getByText(/^Reached production/)).toBeVisible();
  // Its own steps only: a deployment step lists the decisions about it as
  // items of a nested list, which load after the path does.
  const steps = await path.locator(':scope > li').allInnerTexts();
  expect(steps[0]).toMatch(/^CI/);
  expect(steps.at(-1)).toMatch(/Deployment to production/);
  await path.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'test-results/e2e/checkout-version-path-to-production.png',
  });
});

test('the CI pipelines tab lists runs, shows a run as a waterfall with its critical path, and a path to production', async ({
  page,
}) => {
  const runs = page.getByRole('table', { name: 'Pipeline runs' });
  await openTab(page, 'ci-pipelines', async () => {
    await expect(runs.locator('tbody tr').first()).toBeVisible({
      timeout: 5_000,
    });
  });
  expect(await runs.locator('tbody tr').count()).toBeGreaterThan(1);
  await expect(page.getByRole('table', { name: 'Pipelines' })).toContainText(
    /\d+%/,
  );
  await page.screenshot({
    path: 'test-results/e2e/checkout-ci-pipelines.png',
    fullPage: true,
  });

  // The newest run's trace, received over OTLP, as a waterfall.
  await runs
    .getByRole('button', { name: /^Trace of / })
    .first()
    .click();
  // It opens in a drawer over the page, the run in the URL.
  const drawer = page.getByRole('dialog', { name: /^Trace of / });
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/[?&]run=[^&]+&trace=[^&]+/);
  const waterfall = drawer.getByTestId('trace-waterfall');
  await expect(waterfall.getByTestId('trace-row').first()).toBeVisible();
  expect(await waterfall.getByTestId('trace-row').count()).toBeGreaterThan(5);
  expect(
    await waterfall.getByTestId('critical-path-segment').count(),
  ).toBeGreaterThan(0);
  await waterfall.getByTestId('trace-row').nth(1).click();
  await expect(page.getByTestId('trace-span-detail')).toBeVisible();
  await page.screenshot({
    path: 'test-results/e2e/checkout-trace-waterfall.png',
  });
  await drawer.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(drawer).toBeHidden();

  // The run's commit on its way to production, step by step.
  await runs
    .getByRole('button', { name: /^Path of .* to production$/ })
    .first()
    .click();
  const path = page.getByRole('list', { name: 'Path to production' });
  await expect(path.getByRole('listitem').first()).toBeVisible();
  await path.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'test-results/e2e/checkout-path-to-production.png',
    fullPage: true,
  });
});
