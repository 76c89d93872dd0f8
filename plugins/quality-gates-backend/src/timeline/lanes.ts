import { Knex } from 'knex';
import { sortByPromotionOrder } from '@can-i-deploy/plugin-quality-gates-common';
import { DbTimestamp } from '../delivery/rows';
import { timestampFromDatabase } from '../database/timestamps';

/** An environment the entity has deployed to, and when it last did. */
export interface Lane {
  environment: string;
  lastStartedAt: string;
}

/** Every environment the entity ever deployed to, in promotion order. */
export async function readLanes(
  knex: Knex,
  entityRef: string,
): Promise<Lane[]> {
  const rows: Array<{ environment: string; last_started_at: DbTimestamp }> =
    await knex('deployments')
      .where('entity_ref', entityRef)
      .groupBy('environment')
      .select('environment')
      .max({ last_started_at: 'started_at' });
  return sortByPromotionOrder(
    rows.map(row => ({
      environment: row.environment,
      lastStartedAt: timestampFromDatabase(row.last_started_at),
    })),
    lane => lane.environment,
  );
}

/**
 * The lane treated as production: one of the configured production
 * environments (DORA's), the most recently deployed if the entity has
 * several; without any, the last lane on the promotion path.
 */
export function productionLane(
  lanes: Lane[],
  productionEnvironments: readonly string[],
): string | undefined {
  const configured = lanes.filter(lane =>
    productionEnvironments.includes(lane.environment),
  );
  if (configured.length === 0) {
    return lanes[lanes.length - 1]?.environment;
  }
  return configured.reduce((newest, lane) =>
    lane.lastStartedAt > newest.lastStartedAt ? lane : newest,
  ).environment;
}
