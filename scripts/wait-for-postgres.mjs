#!/usr/bin/env node
// Fails fast, with a clear message, when the PostgreSQL the tests need is not
// reachable: CI must never fall back to skipping the PostgreSQL runs.
import { createRequire } from 'node:module';

const require = createRequire(
  new URL('../packages/backend/package.json', import.meta.url),
);
let Client;
try {
  ({ Client } = require('pg'));
} catch {
  // Before the first install pg is not there yet; the tests will check again.
  console.log('pg not installed yet: skipping the early PostgreSQL check');
  process.exit(0);
}

const connectionString = process.argv[2];
const deadline = Date.now() + 30_000;
for (;;) {
  const client = new Client({ connectionString });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    console.log(`PostgreSQL ${rows[0].server_version} answers`);
    await client.end();
    break;
  } catch (error) {
    await client.end().catch(() => {});
    if (Date.now() > deadline) {
      console.error(
        `PostgreSQL is not reachable at ${connectionString.replace(
          /:[^:@/]+@/,
          ':***@',
        )}: ${error.message}`,
      );
      console.error(
        'Start it, or set BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING.',
      );
      process.exit(1);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
