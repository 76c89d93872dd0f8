import { defineConfig } from '@playwright/test';

// For scripts/try-as-adopter.sh, which starts the stock app itself. The
// browser is the system's Chromium: Playwright's own download is not assumed.
export default defineConfig({
  testDir: '.',
  testMatch: 'adopter.spec.ts',
  // A dev server's first visit to each tab compiles its chunk.
  timeout: 15 * 60_000,
  expect: { timeout: 60_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: `${
    process.env.ADOPTER_RESULTS_DIR ?? 'test-results/adopter'
  }/playwright`,
  use: {
    baseURL: process.env.ADOPTER_BASE_URL ?? 'http://localhost:3100',
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
