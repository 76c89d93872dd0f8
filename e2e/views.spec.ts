import { expect, Page, test } from '@playwright/test';

// Every tab and page of the demo at the two widths people use (a laptop at
// 1280 px, a desktop at 1600 px), light and dark: nothing wider than its
// card, no console error, the page's own content shown. Screenshots land
// under test-results/e2e/views/ for a person to look at.

const CHECKOUT = '/catalog/default/component/checkout';
const VIEWS: Array<{
  name: string;
  path: string;
  shows: RegExp;
  /** Ids on screen are links to where they are explained. */
  links?: string;
}> = [
  {
    name: 'gates',
    path: `${CHECKOUT}/quality-gates`,
    // "Can I deploy 1.16.0?", not the sign-in page's "Can I deploy?".
    shows: /can i deploy [^?]+\?/i,
    // Each deployed version opens that deployment on the timeline.
    links: 'a[href*="/deploy-timeline?deployment="]',
  },
  { name: 'readiness', path: `${CHECKOUT}/readiness`, shows: /readiness/i },
  { name: 'dora', path: `${CHECKOUT}/dora`, shows: /deployment frequency/i },
  {
    name: 'deploy-timeline',
    path: `${CHECKOUT}/deploy-timeline`,
    shows: /what is where/i,
  },
  {
    name: 'ci-pipelines',
    path: `${CHECKOUT}/ci-pipelines`,
    shows: /pipeline runs|pipelines/i,
  },
  {
    name: 'group-overview',
    path: '/catalog/default/group/checkout-team',
    shows: /production readiness/i,
  },
  {
    name: 'group-dora',
    path: '/catalog/default/group/checkout-team/dora',
    shows: /deployment frequency/i,
  },
  {
    name: 'readiness-overview',
    path: '/readiness',
    shows: /readiness/i,
    links: 'a[href$="/readiness"]',
  },
  {
    name: 'gate-history',
    path: '/gate-history',
    shows: /gate history/i,
    links: 'a[href*="/gate-history/decisions/"]',
  },
];

const WIDTHS = [1280, 1600];
const THEMES = ['light', 'dark'] as const;

/** Cards (and the page itself) whose content is wider than they are. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) {
      found.push(`the page: ${root.scrollWidth} px in ${window.innerWidth}`);
    }
    for (const card of Array.from(
      document.querySelectorAll<HTMLElement>('main .MuiCard-root'),
    )) {
      if (card.scrollWidth > card.clientWidth + 1) {
        const title =
          card.querySelector('h1,h2,h3,h4,h5,h6')?.textContent ??
          card.textContent?.slice(0, 40);
        found.push(
          `card "${title}": ${card.scrollWidth} px in ${card.clientWidth}`,
        );
      }
    }
    // Tables and other boxes that scroll sideways inside their card: the
    // card does not overflow, but a reader has to scroll to see a column.
    for (const box of Array.from(
      document.querySelectorAll<HTMLElement>('main *'),
    )) {
      const overflowX = getComputedStyle(box).overflowX;
      if (
        (overflowX === 'auto' || overflowX === 'scroll') &&
        box.scrollWidth > box.clientWidth + 1 &&
        // Drawn to scroll: the trace waterfall's own timeline.
        !box.closest('[data-scrolls-sideways]')
      ) {
        const label =
          box.querySelector('table')?.getAttribute('aria-label') ??
          box.getAttribute('aria-label') ??
          box.className.toString().slice(0, 40);
        found.push(
          `"${label}" scrolls sideways: ${box.scrollWidth} px in ${box.clientWidth}`,
        );
      }
    }
    return found;
  });
}

async function open(page: Page, path: string, shows: RegExp) {
  const enter = page.getByRole('button', { name: 'Enter' });
  const main = page.locator('main').first();
  await expect(async () => {
    await page.goto(path);
    // The guest sign-in page is a <main> too, with an Enter button.
    await expect(main).toBeVisible({ timeout: 10_000 });
    if (
      await enter.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await enter.click();
    }
    // Past the sign-in page, on the view itself.
    await expect(enter).toHaveCount(0, { timeout: 10_000 });
    await expect(main).toContainText(shows, { timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  // Wait for what the view loads: no progress bar left.
  await expect(page.getByRole('progressbar')).toHaveCount(0, {
    timeout: 20_000,
  });
}

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`every view at ${width} px, ${theme} theme: fits its cards, no console error`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width, height: 900 });
      // The app's theme picker keeps its choice here.
      await page.addInitScript(chosen => {
        window.localStorage.setItem('theme', chosen);
      }, theme);
      const errors: string[] = [];
      page.on('console', message => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', error => errors.push(error.message));

      const problems: string[] = [];
      for (const view of VIEWS) {
        errors.length = 0;
        await open(page, view.path, view.shows);
        // The theme really is the one asked for.
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        const [r, g, b] = background.match(/\d+/g)!.map(Number);
        const light = (r + g + b) / 3 > 128;
        expect(light, `${view.name} background ${background}`).toBe(
          theme === 'light',
        );
        await page.screenshot({
          path: `test-results/e2e/views/${view.name}-${width}-${theme}.png`,
          fullPage: true,
        });
        if (view.links) {
          expect(
            await page.locator(`main ${view.links}`).count(),
            `${view.name}: links ${view.links}`,
          ).toBeGreaterThan(0);
        }
        for (const overflow of await overflowing(page)) {
          problems.push(`${view.name}: ${overflow}`);
        }
        for (const error of errors) {
          problems.push(`${view.name}: console error: ${error}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
}
