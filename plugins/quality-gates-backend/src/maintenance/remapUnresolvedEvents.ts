import { Knex } from 'knex';
import {
  EntityResolver,
  hintsFromDescription,
} from '../catalog/EntityResolver';
import { lockEntityHistories } from '../database/entityHistoryLocks';
import { refreshFirstDeployments } from '../delivery/firstDeployments';
import {
  deploymentPoints,
  incidentPoints,
  refreshDeploymentFacts,
} from '../dora/facts/deploymentFacts';

const TABLES = [
  'deployments',
  'changes',
  'incidents',
  'pipeline_runs',
  'spans',
  'heartbeats',
];

/**
 * Maps events kept for unknown entities again: an entity added to the
 * catalog (or an annotation fixed) after its events arrived gets them.
 * Returns how many rows found their entity.
 */
export async function remapUnresolvedEvents(
  db: Knex,
  resolver: EntityResolver,
  options: { maxHintsPerTable?: number } = {},
): Promise<number> {
  let remapped = 0;
  for (const table of TABLES) {
    const hints: Array<{ entity_hint: string }> = await db(table)
      .whereNull('entity_ref')
      .whereNotNull('entity_hint')
      .distinct('entity_hint')
      .limit(options.maxHintsPerTable ?? 1000);
    for (const { entity_hint: hint } of hints) {
      const { entityRef } = await resolver.resolve(hintsFromDescription(hint));
      if (entityRef) {
        remapped += await db.transaction(async tx => {
          // Before the rows: the entity's history is about to change.
          await lockEntityHistories(tx, [entityRef]);
          const rows = tx(table)
            .whereNull('entity_ref')
            .andWhere('entity_hint', hint);
          const ids: string[] = ['deployments', 'incidents'].includes(table)
            ? await rows.clone().pluck('id')
            : [];
          const updated = await rows.update({ entity_ref: entityRef });
          if (table === 'deployments') {
            // Deployments that found their entity may be its changes' first.
            await refreshFirstDeployments(tx, ids);
            await refreshDeploymentFacts(tx, await deploymentPoints(tx, ids));
          }
          if (table === 'incidents') {
            await refreshDeploymentFacts(tx, await incidentPoints(tx, { ids }));
          }
          return updated;
        });
      }
    }
  }
  return remapped;
}
