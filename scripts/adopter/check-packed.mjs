// Checks the packed packages as an adopter's install would see them: every
// entry point is in the tarball, no dependency is left as `workspace:`, the
// frontend ships its ./alpha entry for the new frontend system, and our
// packages depend on each other by version.
//
//   node scripts/adopter/check-packed.mjs <directory of .tgz files>
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const problems = [];

function listTarball(file) {
  return execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(entry => entry.replace(/^package\//, ''));
}

function readPackageJson(file) {
  return JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}

/**
 * Every file an `exports` value points at, conditions included. The
 * `backstage` condition is no file: it marks an entry for feature discovery.
 */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([condition]) => condition !== 'backstage')
      .flatMap(([, target]) => exportTargets(target));
  }
  return [];
}

const ownScope = '@can-i-deploy/';
for (const name of readdirSync(dir).filter(f => f.endsWith('.tgz'))) {
  const file = join(dir, name);
  const files = new Set(listTarball(file));
  const pkg = readPackageJson(file);
  const where = `${pkg.name} (${name})`;
  const has = target => files.has(target.replace(/^\.\//, ''));

  for (const field of ['main', 'module', 'types']) {
    if (pkg[field] && !has(pkg[field])) {
      problems.push(`${where}: ${field} ${pkg[field]} is not in the tarball`);
    }
  }
  for (const [entry, value] of Object.entries(pkg.exports ?? {})) {
    for (const target of exportTargets(value)) {
      if (!has(target)) {
        problems.push(`${where}: exports["${entry}"] ${target} is missing`);
      }
      if (target.includes('/src/')) {
        problems.push(`${where}: exports["${entry}"] points at source`);
      }
    }
  }
  if (pkg.backstage?.role === 'frontend-plugin') {
    // Feature discovery loads the entries marked as a frontend plugin.
    const discovered = Object.values(pkg.exports ?? {}).some(
      value => value?.backstage === '@backstage/FrontendPlugin',
    );
    if (!pkg.exports?.['./alpha'] || !discovered) {
      problems.push(`${where}: no discoverable ./alpha entry`);
    }
  }
  for (const listed of pkg.files ?? []) {
    const prefix = listed.replace(/^\.\//, '');
    if (![...files].some(f => f === prefix || f.startsWith(`${prefix}/`))) {
      problems.push(`${where}: files lists ${listed}, the tarball has none`);
    }
  }
  if (pkg.configSchema && !has(pkg.configSchema)) {
    problems.push(`${where}: configSchema ${pkg.configSchema} is missing`);
  }
  for (const kind of ['dependencies', 'peerDependencies']) {
    for (const [dep, range] of Object.entries(pkg[kind] ?? {})) {
      if (/^(workspace|link|portal|file):/.test(range)) {
        problems.push(`${where}: ${kind} ${dep}@${range}`);
      }
      if (dep.startsWith(ownScope) && !/^[\^~]?\d+\.\d+\.\d+/.test(range)) {
        problems.push(`${where}: ${dep} is not pinned to a version: ${range}`);
      }
    }
  }
  console.log(
    `${where}: ${files.size} files, exports ${Object.keys(
      pkg.exports ?? { '.': pkg.main },
    ).join(' ')}`,
  );
}

if (problems.length > 0) {
  console.error(
    `Packed packages are not installable:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
