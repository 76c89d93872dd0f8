// Adds our packages to a stock app as an adopter would once they are
// published: dependencies by version in packages/app and packages/backend,
// and the backend plugin and its checks module as lines in the backend's
// index.ts. No frontend code: the app discovers the plugin. Until the
// packages are published, root resolutions point their names at the packed
// tarballs (our packages depend on each other by version, too).
//
//   node scripts/adopter/prepare-app.mjs <app dir> <tarball dir> <app port> <backend port>
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [appDir, tarballDir, appPort, backendPort] = process.argv.slice(2);
const scope = '@can-i-deploy/plugin-';

function editJson(file, edit) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

const versions = {};
const resolutions = {};
for (const tarball of readdirSync(tarballDir).filter(f => f.endsWith('.tgz'))) {
  const file = resolve(tarballDir, tarball);
  const { name, version } = JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  resolutions[name] = `file:${file}`;
  versions[name] = version;
}

editJson(join(appDir, 'package.json'), pkg => {
  pkg.resolutions = { ...pkg.resolutions, ...resolutions };
});

function addDependencies(workspace, names) {
  editJson(join(appDir, 'packages', workspace, 'package.json'), pkg => {
    for (const name of names) {
      pkg.dependencies[`${scope}${name}`] = `^${versions[`${scope}${name}`]}`;
    }
    // Sorted, as `yarn add` leaves them.
    pkg.dependencies = Object.fromEntries(
      Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)),
    );
  });
}
addDependencies('app', ['quality-gates']);
addDependencies('backend', [
  'quality-gates-backend',
  'quality-gates-backend-module-checks',
]);

const backendIndex = join(appDir, 'packages/backend/src/index.ts');
const source = readFileSync(backendIndex, 'utf8');
const lines = [
  `backend.add(import('${scope}quality-gates-backend'));`,
  `backend.add(import('${scope}quality-gates-backend-module-checks'));`,
];
if (!source.includes('backend.start();')) {
  throw new Error(`${backendIndex} has no backend.start(); line`);
}
writeFileSync(
  backendIndex,
  source.replace('backend.start();', `${lines.join('\n')}\n\nbackend.start();`),
);

// Only the ports differ from the stock app: another app may hold 3000/7007.
// The stock app's start reads app-config.local.yaml when it exists.
writeFileSync(
  join(appDir, 'app-config.local.yaml'),
  `app:
  baseUrl: http://localhost:${appPort}
backend:
  baseUrl: http://localhost:${backendPort}
  listen:
    port: ${backendPort}
  cors:
    origin: http://localhost:${appPort}
`,
);
