import { readFile } from 'node:fs/promises';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { entityTab } from './entityPage';

// Real app, real backend, real catalog and demo data: CI asks the gates over
// HTTP with the documented external-access token, and the browser shows the
// stored decision and its evidence. The gates come from app-config.e2e.yaml
// (no Prometheus needed): release checks (CI run, readiness) and a freeze
// watched in dry-run that is always on.
const TOKEN = 'local-dev-token-change-me';
const ENTITY_REF = 'component:default/checkout';
const VERDICT_LABELS: Record<string, string> = {
  pass: 'Pass',
  warn: 'Warn',
  fail: 'Fail',
  error: 'Error',
};

interface Evaluation {
  id: string;
  gateId: string;
  verdict: string;
  effectiveVerdict: string;
  version: string;
  criteria: Array<{ key: string; state: string }>;
}

/** The version checkout runs in production now, from its deployments. */
async function productionVersion(request: APIRequestContext) {
  const response = await request.get(
    `/api/quality-gates/deployments?entityRef=${ENTITY_REF}`,
    { headers: { authorization: `Bearer ${TOKEN}` } },
  );
  expect(response.status()).toBe(200);
  const { currentVersions } = await response.json();
  const production = currentVersions.find(
    (entry: { environment: string }) => entry.environment === 'production',
  );
  expect(production?.version).toMatch(/^1\.\d+\.0$/);
  return production.version as string;
}

function gateCard(page: Page, gateId: string, environment: string) {
  return page.locator(
    `[data-gate="${gateId}"][data-environment="${environment}"]`,
  );
}

test('CI asks the gates; the tab explains the verdict and the history page finds and exports it', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const enter = page.getByRole('button', { name: 'Enter' });
  const tab = entityTab(page, 'Can I deploy?');

  // Sign in as guest, then retry until the catalog has processed the example
  // files and the demo history has landed.
  await expect(async () => {
    await page.goto('/catalog/default/component/checkout/quality-gates');
    await expect(enter.or(tab)).toBeVisible({ timeout: 10_000 });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(page.getByText('What is where')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 40_000 });

  // What a CI job does before deploying, through the page's own context.
  const version = await productionVersion(page.request);
  const asked = await page.request.post('/api/quality-gates/gates/evaluate', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: { entityRef: ENTITY_REF, environment: 'production', version },
  });
  expect(asked.status()).toBe(200);
  const decision = await asked.json();
  expect(decision.version).toBe(version);
  const evaluations = decision.evaluations as Evaluation[];
  const release = evaluations.find(e => e.gateId === 'release-checks')!;
  const freeze = evaluations.find(e => e.gateId === 'always-frozen')!;
  expect(release.criteria.map(c => c.key)).toEqual(['ci', 'readiness']);
  // The version reached production, so its CI run succeeded.
  expect(release.criteria[0].state).toBe('pass');
  // Always frozen, only watched: recorded as a fail that blocks nothing.
  expect(freeze.verdict).toBe('fail');
  expect(freeze.effectiveVerdict).toBe('pass');
  expect(decision.verdict).toBe(release.effectiveVerdict);

  // The tab shows the decision just stored for that version, with its
  // evidence; gates that do not block are folded.
  await page.goto(
    `/catalog/default/component/checkout/quality-gates?version=${version}`,
  );
  const releaseCard = gateCard(page, 'release-checks', 'production');
  await expect(releaseCard).toBeVisible();
  await expect(
    page.locator(
      '[data-environment-card="production"] [data-role="decision-headline"]',
    ),
  ).toHaveAttribute('data-decision', decision.id);
  if ((await releaseCard.locator('[data-verdict-summary]').count()) === 0) {
    await releaseCard.getByRole('button', { name: /^Release checks/ }).click();
  }
  await expect(
    releaseCard.locator('[data-verdict-summary] [data-verdict]').first(),
  ).toHaveAttribute('data-verdict', release.verdict);
  await expect(
    releaseCard.locator('[data-verdict-summary] [data-verdict]').first(),
  ).toHaveText(VERDICT_LABELS[release.verdict]);
  await expect(releaseCard.locator('[data-role="version"]')).toHaveText(
    version,
  );
  const ci = releaseCard.locator('[data-criterion="ci"]');
  await expect(ci).toContainText('The CI run of this version succeeded');
  await expect(ci.locator('[data-state]')).toHaveAttribute(
    'data-state',
    'pass',
  );
  // The source's own sentence, with the run as a link.
  await expect(ci).toContainText(/CI run\s*#\d+.*succeeded/);
  await expect(ci.getByRole('link', { name: /^#\d+/ }).first()).toBeVisible();
  await expect(ci).toContainText(/Pass when\s*>= 1/);
  await expect(ci).toContainText('Key criterion');
  const readiness = releaseCard.locator('[data-criterion="readiness"]');
  await expect(readiness).toContainText('Production ready at bronze or better');
  await expect(readiness).toContainText(/Pass when\s*>= 1/);

  const freezeCard = gateCard(page, 'always-frozen', 'production');
  await freezeCard
    .getByRole('button', { name: /^Freeze being watched/ })
    .click();
  await expect(freezeCard).toContainText('Fail — dry-run, not enforced');
  await expect(
    freezeCard.locator('[data-role="effective"] [data-verdict]'),
  ).toHaveAttribute('data-verdict', 'pass');
  await page.screenshot({ path: 'test-results/e2e/checkout-gate-status.png' });
  await releaseCard.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'test-results/e2e/checkout-gate-production.png',
  });

  // The review page, from the sidebar: its gate evaluations, filtered by
  // verdict, have the row.
  await page.getByRole('link', { name: 'Gate history' }).click();
  await page.getByRole('tab', { name: 'Gate evaluations' }).click();
  const table = page.getByRole('table', { name: 'Gate evaluations' });
  await expect(table).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filters' });
  await filters.getByRole('button', { name: /^Verdict/ }).click();
  await page
    .getByRole('option', { name: VERDICT_LABELS[release.verdict], exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`verdict=${release.verdict}`));
  const row = table.locator(`tr[data-evaluation="${release.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(version);
  await expect(row.getByRole('link', { name: 'checkout' })).toHaveAttribute(
    'href',
    '/catalog/default/component/checkout/quality-gates',
  );
  // Only that verdict is listed, once the filtered page has replaced the
  // unfiltered one.
  await expect
    .poll(
      async () =>
        new Set(
          await table
            .locator('tbody tr [data-verdict]')
            .evaluateAll(chips =>
              chips.map(chip => chip.getAttribute('data-verdict')),
            ),
        ),
    )
    .toEqual(new Set([release.verdict]));

  await page.screenshot({ path: 'test-results/e2e/gate-history.png' });

  // The export carries the same filter and the user's credentials.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^gate-evaluations-.*\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toContain('trigger,verdict,effectiveVerdict');
  expect(csv).toContain(release.id);
  // Every row has the chosen verdict (the column after the trigger).
  const verdictAfterTrigger = new RegExp(
    `,(ci|schedule|manual),${release.verdict},`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const line of rows) expect(line).toMatch(verdictAfterTrigger);

  // A row opens the evaluation with its evidence.
  await row.getByRole('button', { name: 'Details' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Release checks in production');
  await expect(dialog.locator('[data-criterion="ci"]')).toBeVisible();
  await page.screenshot({
    path: 'test-results/e2e/gate-history-detail.png',
    animations: 'disabled',
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
