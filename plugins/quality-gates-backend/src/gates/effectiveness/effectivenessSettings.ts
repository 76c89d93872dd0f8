import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { Duration } from 'luxon';

/** What effectiveness needs from config. */
export interface EffectivenessSettings {
  /** How long after a deployment an incident still counts against it. */
  windowSeconds: number;
  /**
   * Where an incident that names no environment happened: the production
   * environments, as DORA reads them.
   */
  productionEnvironments: string[];
}

const DEFAULT_WINDOW_SECONDS = 24 * 3600;

function readWindowSeconds(config: Config): number {
  const key = 'qualityGates.gates.effectiveness.window';
  if (!config.has(key)) return DEFAULT_WINDOW_SECONDS;
  const value = config.getOptional(key);
  const milliseconds =
    typeof value === 'string'
      ? Duration.fromISO(value).toMillis()
      : durationToMilliseconds(readDurationFromConfig(config.getConfig(key)));
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) {
    throw new Error(
      `${key} must be a positive duration, e.g. { hours: 24 } or PT24H; got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return milliseconds / 1000;
}

/** Reads the settings; a bad window stops the start-up with its path. */
export function readEffectivenessSettings(
  config: Config,
): EffectivenessSettings {
  const productionEnvironments = config.getOptionalStringArray(
    'qualityGates.dora.productionEnvironments',
  ) ?? ['production', 'prod'];
  return {
    windowSeconds: readWindowSeconds(config),
    productionEnvironments:
      productionEnvironments.length > 0
        ? productionEnvironments
        : ['production', 'prod'],
  };
}
