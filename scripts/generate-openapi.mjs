#!/usr/bin/env node
// Turns a plugin's src/schema/openapi.yaml into src/schema/openapi.generated.ts,
// the typed spec the router validates requests against. With --client-package
// it also writes the frontend's src/schema/openapi.generated.ts: the paths,
// parameters and bodies the typed client may call, so a client call that
// disagrees with the YAML is a type error. The YAML stays the one file a
// reviewer reads; --check fails when a generated file drifts from it.
//
// Usage: node scripts/generate-openapi.mjs plugins/quality-gates-backend
//          [--client-package plugins/quality-gates] [--check]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const check = args.includes('--check');
const clientFlag = args.indexOf('--client-package');
const clientDir = clientFlag === -1 ? undefined : args[clientFlag + 1];
const [packageDir] = args.filter(
  (arg, index) =>
    !arg.startsWith('--') && (clientFlag === -1 || index !== clientFlag + 1),
);
if (!packageDir || (clientFlag !== -1 && !clientDir)) {
  console.error(
    'Usage: generate-openapi.mjs <package dir> [--client-package <dir>] [--check]',
  );
  process.exit(2);
}
const requireFrom = dir =>
  createRequire(join(process.cwd(), dir, 'package.json'));
const { parse } = requireFrom(packageDir)('yaml');

const HEADER = [
  '// This file is generated from openapi.yaml by scripts/generate-openapi.mjs.',
  '// Do not edit it by hand: change openapi.yaml and run `yarn openapi:generate`.',
  '/* eslint-disable */',
  '',
];

function renderSpecModule(spec) {
  return [
    ...HEADER,
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
}

// Backstage's own client generator needs a Java tool downloaded from outside
// the npm registry, which our machines and CI cannot reach; openapi-typescript
// (types only, with openapi-fetch making the calls) installs from npm alone.
async function renderClientTypes(spec, dir) {
  const { default: openapiTS, astToString } =
    requireFrom(dir)('openapi-typescript');
  const ast = await openapiTS(spec, { alphabetize: true });
  return [...HEADER, astToString(ast)].join('\n');
}

const spec = parse(
  readFileSync(join(packageDir, 'src/schema/openapi.yaml'), 'utf8'),
);
const outputs = [
  [join(packageDir, 'src/schema/openapi.generated.ts'), renderSpecModule(spec)],
];
if (clientDir) {
  outputs.push([
    join(clientDir, 'src/schema/openapi.generated.ts'),
    await renderClientTypes(spec, clientDir),
  ]);
}

let stale = false;
for (const [target, rendered] of outputs) {
  if (check) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== rendered) {
      console.error(`${target} is out of date: run yarn openapi:generate`);
      stale = true;
    }
  } else {
    writeFileSync(target, rendered);
    console.log(`wrote ${target}`);
  }
}
if (stale) process.exit(1);
