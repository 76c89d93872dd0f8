import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { DateTime, Duration } from 'luxon';
import { ReadinessService } from './ReadinessService';
import { ReadinessStore } from './ReadinessStore';

function durationOr(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  if (!config?.has(key)) return fallback;
  const value = config.getOptional(key);
  if (typeof value === 'string') {
    const duration = Duration.fromISO(value);
    if (!duration.isValid) {
      throw new Error(
        `qualityGates.readiness.${key} is not an ISO 8601 duration: ${value}`,
      );
    }
    return { milliseconds: duration.toMillis() };
  }
  return readDurationFromConfig(config.getConfig(key));
}

/**
 * Re-evaluates every scored entity on the backend scheduler. `global` scope
 * makes one replica at a time run it, coordinated through the database; the
 * history retention runs after each pass.
 */
export async function scheduleReadiness(options: {
  readinessConfig: Config | undefined;
  scheduler: SchedulerService;
  logger: LoggerService;
  service: ReadinessService;
  store: ReadinessStore;
}): Promise<void> {
  const { readinessConfig, scheduler, logger, service, store } = options;
  const historyDays = readinessConfig?.getOptionalNumber('historyDays') ?? 365;
  if (!(historyDays > 0)) {
    throw new Error(
      'qualityGates.readiness.historyDays must be a positive number',
    );
  }
  await scheduler.scheduleTask({
    id: 'quality-gates-readiness-evaluation',
    scope: 'global',
    frequency: durationOr(readinessConfig, 'frequency', { minutes: 30 }),
    timeout: durationOr(readinessConfig, 'timeout', { minutes: 15 }),
    initialDelay: durationOr(readinessConfig, 'initialDelay', { seconds: 10 }),
    fn: async () => {
      const run = await service.evaluateAll();
      const pruned = await store.deleteHistoryBefore(
        DateTime.utc().minus({ days: historyDays }),
      );
      logger.info(
        `Readiness evaluated for ${run.evaluated} entities in ${Math.round(
          run.durationMs,
        )} ms (${
          run.removed
        } no longer scored, ${pruned} old history points pruned)`,
      );
    },
  });
}
