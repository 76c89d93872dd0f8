import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EntityResolver } from '../catalog/EntityResolver';
import {
  applyGateRetention,
  readGateRetentionPolicy,
} from '../gates/retention/gateRetention';
import { applyRetention, DEFAULT_RETENTION } from './retention';
import { remapUnresolvedEvents } from './remapUnresolvedEvents';
import { SpanPartitions } from '../ingest/otlp/spanPartitions';

/**
 * Background work on the backend scheduler. `scope: 'global'` makes each run
 * happen on one replica at a time, coordinated through the database.
 */
export async function scheduleMaintenance(options: {
  config: RootConfigService;
  logger: LoggerService;
  scheduler: SchedulerService;
  knex: Knex;
  resolver: EntityResolver;
}): Promise<void> {
  const { config, logger, scheduler, knex, resolver } = options;
  const retention = {
    deliveryEventsDays:
      config.getOptionalNumber('qualityGates.retention.deliveryEventsDays') ??
      DEFAULT_RETENTION.deliveryEventsDays,
    traceDays:
      config.getOptionalNumber('qualityGates.retention.traceDays') ??
      DEFAULT_RETENTION.traceDays,
  };
  for (const [key, days] of Object.entries(retention)) {
    if (!(days > 0)) {
      throw new Error(
        `qualityGates.retention.${key} must be a positive number of days`,
      );
    }
  }

  const gateRetention = readGateRetentionPolicy(config);

  await scheduler.scheduleTask({
    id: 'quality-gates-retention',
    scope: 'global',
    frequency: { hours: 6 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 5 },
    fn: async () => {
      // Gate evaluations first: those of versions that turned out bad are
      // kept while the deployments and incidents that say so are.
      // Span partitions for the days ahead, so ingest seldom makes one; if
      // the table is too busy now, ingest or the next pass makes them.
      await new SpanPartitions(knex, retention)
        .ensureAhead()
        .catch(error =>
          logger.warn(`Could not create the span partitions ahead: ${error}`),
        );
      const gates = await applyGateRetention(knex, gateRetention);
      const deleted = await applyRetention(knex, retention);
      logger.info('Retention pass done', {
        ...deleted,
        gateEvaluations: gates.gateEvaluations,
        gateDecisions: gates.gateDecisions,
        gateEvaluationsKept: JSON.stringify(gates.kept),
      });
    },
  });

  await scheduler.scheduleTask({
    id: 'quality-gates-entity-remapping',
    scope: 'global',
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const remapped = await remapUnresolvedEvents(knex, resolver);
      if (remapped > 0) {
        logger.info(`Mapped ${remapped} kept events to catalog entities`);
      }
    },
  });
}
