/*
 * A real catalog for benches: entities are written to a YAML file that the
 * catalog backend reads as a `file` location, as a platform team's catalog
 * would be read, and the bench waits until the catalog serves all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Writes `entities` as one multi-document YAML file (JSON documents are
 * YAML) in a new temporary directory; returns the file and a remover.
 */
export function writeCatalogFile(entities: Entity[]): {
  file: string;
  remove: () => Promise<void>;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-catalog-'));
  const file = path.join(dir, 'catalog-info.yaml');
  const out = fs.openSync(file, 'w');
  try {
    entities.forEach((entity, index) => {
      const { apiVersion, kind, metadata, spec } = entity;
      // Catalog-owned fields (uid, etag, relations) are the catalog's to set.
      const { uid, etag, ...ownMetadata } = metadata;
      fs.writeSync(
        out,
        `${index ? '---\n' : ''}${JSON.stringify({
          apiVersion,
          kind,
          metadata: ownMetadata,
          spec,
        })}\n`,
      );
    });
  } finally {
    fs.closeSync(out);
  }
  return {
    file,
    remove: () => fs.promises.rm(dir, { recursive: true, force: true }),
  };
}

/** Catalog config reading `file` and allowing every kind in it. */
export function catalogConfigFor(file: string) {
  return {
    rules: [
      { allow: ['Component', 'System', 'API', 'Resource', 'Group', 'User'] },
    ],
    locations: [{ type: 'file', target: file }],
    // Processing as fast as the catalog goes, so waiting is short.
    processingInterval: { seconds: 5 },
  };
}

/**
 * Waits until the catalog at `baseUrl` serves every one of `entities`
 * (counted per kind through the entity facets), or fails after `timeoutMs`.
 */
export async function waitForCatalogEntities(
  baseUrl: string,
  token: string,
  entities: Entity[],
  timeoutMs = 15 * 60_000,
): Promise<void> {
  const expected = new Map<string, number>();
  for (const entity of entities) {
    expected.set(entity.kind, (expected.get(entity.kind) ?? 0) + 1);
  }
  const last = stringifyEntityRef(entities[entities.length - 1]);
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  for (;;) {
    const response = await fetch(
      `${baseUrl}/api/catalog/entity-facets?facet=kind`,
      { headers: { authorization: `Bearer ${token}` } },
    ).catch(() => undefined);
    if (response?.ok) {
      const body = (await response.json()) as {
        facets: { kind: { value: string; count: number }[] };
      };
      const counts = new Map(body.facets.kind.map(f => [f.value, f.count]));
      seen = [...expected]
        .map(([kind, count]) => `${kind} ${counts.get(kind) ?? 0}/${count}`)
        .join(', ');
      if ([...expected].every(([kind, n]) => (counts.get(kind) ?? 0) >= n)) {
        return;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog did not serve all entities (last: ${last}) within ${
          timeoutMs / 1000
        } s; seen: ${seen || 'nothing'}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
