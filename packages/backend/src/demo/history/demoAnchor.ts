import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { scenarioOf } from '../scenarios';
import { demoHistoryFor } from './demoHistory';
import { millisOf } from './timestamps';

/**
 * When the demo history in the database was written: its stories' times
 * are relative to that moment, and the telemetry must tell the same times.
 * Read back from the newest version's staging deployment of the first demo
 * entity with a story. Undefined when nothing was written yet (the history
 * is then written as of now), or `stale` when the database holds demo
 * history of another shape (an older demo).
 */
export async function readDemoAnchor(
  knex: Knex,
  entityRefs: string[],
): Promise<DateTime | 'stale' | undefined> {
  if (!(await knex.schema.hasTable('deployments'))) return undefined;
  const any = await knex('deployments')
    .where('external_id', 'like', 'demo-%')
    .first('id');
  if (!any) return undefined;
  for (const entityRef of entityRefs) {
    const scenario = scenarioOf(entityRef);
    if (!scenario) continue;
    // Versions do not depend on the moment the history was written.
    const { releases } = demoHistoryFor(entityRef, '', DateTime.utc());
    const newest = releases[releases.length - 1];
    const row = await knex('deployments')
      .where({
        external_id: `demo-${entityRef}-staging-${newest.version}`,
      })
      .first('started_at');
    if (!row) return 'stale';
    return DateTime.fromMillis(millisOf(row.started_at)).plus({
      minutes: scenario.candidate.stagingMinutesAgo,
    });
  }
  return undefined;
}
