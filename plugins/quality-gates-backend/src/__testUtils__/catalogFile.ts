import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Writes a catalog file of production services owned by team-a, for a
 * test backend's `catalogFixture`, and returns its path.
 */
export function writeServiceCatalog(prefix: string, names: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const file = path.join(root, 'catalog.yaml');
  fs.writeFileSync(
    file,
    names
      .map(name =>
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          `  name: ${name}`,
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: group:default/team-a',
        ].join('\n'),
      )
      .join('\n---\n'),
  );
  return file;
}
