import { expect, Page, test } from '@playwright/test';
import { entityTab } from './entityPage';

// Real app, real backend, real catalog and demo data, as a person uses it:
// the gates come from app-config.e2e.yaml (release checks need a successful
// CI run of the version; a freeze is always on and only watched in
// dry-run). The guest belongs to the platform team, so the example
// permission policy lets them evaluate, override and revoke.
const TAB = '/catalog/default/component/checkout/quality-gates';

async function signInAndOpenTab(page: Page) {
  const enter = page.getByRole('button', { name: 'Enter' });
  const tab = entityTab(page, 'Can I deploy?');
  // Retry until the catalog has processed the example files.
  await expect(async () => {
    await page.goto(TAB);
    await expect(enter.or(tab)).toBeVisible({ timeout: 10_000 });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(
      page.locator('[data-environment-card="production"]'),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** A datetime-local value some hours ahead, in the browser's zone. */
async function hoursAhead(page: Page, hours: number): Promise<string> {
  return page.evaluate(ahead => {
    const at = new Date(Date.now() + ahead * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(
      at.getDate(),
    )}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, hours);
}

test('pick a version, evaluate, read the answer, open the decision, override it and see it overridden', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAndOpenTab(page);

  // The picker offers the versions the demo built and deployed.
  const versionField = page.getByLabel('Version');
  await expect(versionField).not.toHaveValue('');
  await versionField.click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');

  // A version nobody asked about (and no CI run built): typed in.
  const version = `0.0.${Date.now()}-e2e`;
  await versionField.fill(version);
  await versionField.press('Enter');
  await expect(page).toHaveURL(new RegExp(`version=${version}`));
  await expect(page.locator('[data-role="asked-version"]')).toHaveText(version);
  const production = page.locator('[data-environment-card="production"]');
  const answer = production
    .locator('[data-role="decision-headline"] [data-answer]')
    .first();
  await expect(answer).toHaveAttribute('data-answer', 'none');
  await expect(production).toContainText('Not evaluated yet');

  await production
    .getByRole('button', { name: 'Evaluate now in production' })
    .click();
  await expect(answer).not.toHaveAttribute('data-answer', 'none');
  // Without a CI run of the version the release checks cannot pass.
  const first = await answer.getAttribute('data-answer');
  expect(['no', 'error']).toContain(first);
  const sentence = production.locator('[data-role="sentence"]');
  await expect(sentence).toHaveText(/^(No|Error|Cannot)\b.*Release checks/);
  const said = (await sentence.textContent())!;
  await expect(production).toContainText('asked by guest (Evaluate now)');
  await expect(
    production.locator('[data-gate="always-frozen"] [data-mode="dry-run"]'),
  ).toHaveText('Dry run · not enforced');
  await page.screenshot({ path: 'test-results/e2e/decision-tab.png' });

  // The decision has its own URL.
  const href = await production
    .getByRole('link', { name: 'Open this decision' })
    .getAttribute('href');
  expect(href).toMatch(/^\/gate-history\/decisions\/[^/]+$/);
  await page.goto(href!);
  await expect(
    page.getByRole('heading', { name: `Can ${version} go to production?` }),
  ).toBeVisible();
  const headline = page.locator('[data-role="decision-headline"]');
  await expect(headline.locator('[data-answer]').first()).toHaveAttribute(
    'data-answer',
    first!,
  );
  await expect(headline.locator('[data-role="sentence"]')).toHaveText(said);

  // Override the gate that blocks, with a reason and an expiry.
  const reason = `Hotfix for the e2e outage ${version}`;
  await page.getByRole('button', { name: 'Override…' }).click();
  const dialog = page.getByRole('dialog', {
    name: `Override ${version} in production`,
  });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Override', { exact: true }).selectOption({
    label: 'Every gate of the decision',
  });
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByLabel('Override until').fill(await hoursAhead(page, 2));
  await dialog.getByRole('button', { name: 'Override', exact: true }).click();
  await expect(dialog).toBeHidden();
  const overrides = page.getByRole('region', { name: 'Active overrides' });
  await expect(overrides).toContainText(reason);
  await expect(overrides).toContainText('Every gate acts as pass');

  // Asked again, the same version passes, and says it was overridden.
  await page
    .getByRole('button', { name: 'Evaluate now in production' })
    .click();
  await expect(page).not.toHaveURL(href!);
  await expect(headline.locator('[data-answer]').first()).toHaveAttribute(
    'data-answer',
    'yes',
  );
  const overridden = page
    .locator('[data-gate="release-checks"] [data-role="overridden"]')
    .first();
  await expect(overridden).toContainText(
    `overridden by guest because ${reason}, until`,
  );
  await page.screenshot({ path: 'test-results/e2e/decision-page.png' });

  // The tab answers the same for that version now.
  await page.getByRole('link', { name: /Can I deploy\?” tab for/ }).click();
  await expect(answer).toHaveAttribute('data-answer', 'yes');
  await expect(
    production.locator('[data-gate="release-checks"] [data-role="overridden"]'),
  ).toContainText('overridden by guest');

  // The history lists the decisions, newest first, for that entity.
  await page.goto(
    `/gate-history?entityRef=${encodeURIComponent(
      'component:default/checkout',
    )}&environment=production`,
  );
  const table = page.getByRole('table', { name: 'Gate decisions' });
  await expect(table).toBeVisible();
  // The demo asks about checkout too, so other decisions may be newer.
  const newest = table
    .locator('tbody tr[data-decision]', { hasText: version })
    .first();
  await expect(newest).toContainText(version);
  await expect(newest.locator('[data-answer]')).toHaveAttribute(
    'data-answer',
    'yes',
  );
  await newest.getByRole('button', { name: 'Show its gates' }).click();
  await expect(
    table.locator('[data-gates-of] [data-role="overridden"]').first(),
  ).toContainText(reason);
  await page.screenshot({ path: 'test-results/e2e/decision-history.png' });
});
