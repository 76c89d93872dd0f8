import { expect, Page, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { entityTab } from '../../e2e/entityPage';

// The stock app as create-app makes it, with our packages added and nothing
// else: its example catalog, no data in our plugin. Each tab and page must
// show our content (an empty state is content) rather than a 404 or an
// error panel.

const results = process.env.ADOPTER_RESULTS_DIR ?? 'test-results/adopter';
const component = '/catalog/default/component/example-website';
const group = '/catalog/default/group/guests';

const componentTabs = [
  {
    title: 'Can I deploy?',
    path: 'quality-gates',
    shows: /No deployments recorded yet|What is where/,
  },
  {
    title: 'Readiness',
    path: 'readiness',
    shows: /Checks|Production readiness/,
  },
  {
    title: 'DORA',
    path: 'dora',
    shows:
      /No production deployments in the last \d+ days|Deployment frequency/,
  },
  {
    title: 'Deploy timeline',
    path: 'deploy-timeline',
    shows: /No deployment of this entity yet|What is where/,
  },
  {
    title: 'CI pipelines',
    path: 'ci-pipelines',
    shows: /No pipeline run of this entity in this range|Runs/,
  },
];

/** Opens a path, signing in as guest where the sign-in page asks. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The nav element itself has no box of its own: wait for one of its links.
  const signedIn = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Settings' });
  await expect(enter.or(signedIn).first()).toBeVisible({ timeout: 300_000 });
  if (await enter.isVisible()) {
    await enter.click();
    await expect(signedIn).toBeVisible();
  }
}

/** Our content is there, and no 404 or error panel instead of it. */
async function expectOurContent(page: Page, name: string, shows: RegExp) {
  await expect.soft(page.getByText(shows).first()).toBeVisible();
  await expect
    .soft(page.getByText(/dropped the mic|page not found/i))
    .toHaveCount(0);
  await expect
    .soft(
      page.getByRole('alert').filter({ hasText: /error|failed|could not/i }),
    )
    .toHaveCount(0);
  await page.screenshot({ path: `${results}/${name}.png`, fullPage: true });
}

test('a stock app shows every tab and page of the plugin', async ({ page }) => {
  const consoleErrors: { url: string; text: string }[] = [];
  const apiFailures: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') {
      consoleErrors.push({ url: page.url(), text: message.text() });
    }
  });
  page.on('pageerror', error => {
    consoleErrors.push({ url: page.url(), text: `uncaught: ${error.stack}` });
  });
  page.on('response', response => {
    if (
      response.url().includes('/api/quality-gates/') &&
      response.status() >= 400
    ) {
      apiFailures.push(`${response.status()} ${response.url()}`);
    }
  });

  await test.step('sign in as guest; our pages are in the sidebar', async () => {
    await visit(page, '/');
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await expect
      .soft(nav.getByRole('link', { name: 'Readiness' }))
      .toBeVisible();
    await expect
      .soft(nav.getByRole('link', { name: 'Gate history' }))
      .toBeVisible();
  });

  await test.step('component overview has the readiness card', async () => {
    await visit(page, component);
    await expectOurContent(
      page,
      '01-component-overview',
      /Production readiness/,
    );
  });

  for (const [index, tab] of componentTabs.entries()) {
    await test.step(`component tab "${tab.title}"`, async () => {
      await visit(page, component);
      await entityTab(page, tab.title).click();
      await expect.soft(page).toHaveURL(new RegExp(`/${tab.path}$`));
      await expectOurContent(page, `0${index + 2}-tab-${tab.path}`, tab.shows);
    });
  }

  await test.step('group DORA roll-up', async () => {
    await visit(page, group);
    await entityTab(page, 'DORA').click();
    await expectOurContent(
      page,
      '07-group-dora',
      /No production deployments in the last \d+ days|No components|Deployment frequency/,
    );
  });

  await test.step('readiness overview page', async () => {
    await visit(page, '/readiness');
    await expectOurContent(
      page,
      '08-readiness-overview',
      // The table's title, once the scores have loaded.
      /\b\d+ entit(y|ies)\b/,
    );
  });

  await test.step('gate history page', async () => {
    await visit(page, '/gate-history');
    await expectOurContent(page, '09-gate-history', /\b\d+ decisions?\b/);
  });

  writeFileSync(
    `${results}/console-errors.txt`,
    consoleErrors.map(({ url, text }) => `${url}\n  ${text}\n`).join(''),
  );
  // Other plugins of the stock app may log; ours must not.
  const ours = consoleErrors
    .map(({ text }) => text)
    .filter(text => /quality-gates|can-i-deploy/i.test(text));
  expect.soft(ours, 'console errors from our plugin').toEqual([]);
  expect.soft(apiFailures, 'failed calls to our backend').toEqual([]);
});
