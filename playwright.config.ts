import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// The browser is Debian's Chromium, installed by scripts/install-system-packages.sh:
// Playwright's own browser download cannot be relied on.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The app's port: E2E_PORT when set, otherwise a free one, so two browser
// runs (or a run and a dev server) can share a machine. Chosen once and
// kept in the environment, which Playwright's workers inherit.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}
const port = process.env.E2E_PORT;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  webServer: {
    // The backend serves the built app (yarn workspace app build) and the API.
    command:
      'yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
    url: `${baseURL}/api/quality-gates/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: port },
  },
  use: {
    baseURL,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
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
