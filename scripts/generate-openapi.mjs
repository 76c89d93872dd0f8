#!/usr/bin/env node
// Turns a plugin's src/schema/openapi.yaml into src/schema/openapi.generated.ts,
// the typed spec the router validates requests against. The YAML stays the one
// file a reviewer reads; a test fails when the two drift apart.
//
// Usage: node scripts/generate-openapi.mjs plugins/quality-gates-backend [--check]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [packageDir, flag] = process.argv.slice(2);
if (!packageDir) {
  console.error('Usage: generate-openapi.mjs <package dir> [--check]');
  process.exit(2);
}
const require = createRequire(join(process.cwd(), packageDir, 'package.json'));
const { parse } = require('yaml');

export function renderSpecModule(yamlText) {
  const spec = parse(yamlText);
  return [
    '// This file is generated from openapi.yaml by scripts/generate-openapi.mjs.',
    '// Do not edit it by hand: change openapi.yaml and run `yarn openapi:generate`.',
    '/* eslint-disable */',
    '',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
}

const source = join(packageDir, 'src/schema/openapi.yaml');
const target = join(packageDir, 'src/schema/openapi.generated.ts');
const rendered = renderSpecModule(readFileSync(source, 'utf8'));
if (flag === '--check') {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== rendered) {
    console.error(`${target} is out of date: run yarn openapi:generate`);
    process.exit(1);
  }
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
