import {
  DeploymentFrequencyBucket,
  DoraBand,
  DoraThresholds,
} from './DoraMetrics';

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

/**
 * The published DORA bands (State of DevOps 2023): deploy on demand (at
 * least daily) / weekly / monthly; lead time under a day / a week / a month;
 * change failure rate 5 % / 10 % / 15 %; recovery under an hour / a day / a
 * week. Rework rate has no published bands. Config may override each.
 *
 * @public
 */
export const DEFAULT_DORA_THRESHOLDS: DoraThresholds = {
  deploymentFrequencyPerDay: { elite: 1, high: 1 / 7, medium: 1 / 30 },
  leadTimeSeconds: { elite: DAY, high: WEEK, medium: MONTH },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  recoveryTimeSeconds: { elite: HOUR, high: DAY, medium: WEEK },
  reworkRate: null,
};

/**
 * The band of a figure where lower is better (durations, rates).
 *
 * @public
 */
export function bandAtMost(
  value: number | null,
  bounds: { elite: number; high: number; medium: number } | null,
): DoraBand | null {
  if (value === null || bounds === null) return null;
  if (value <= bounds.elite) return 'elite';
  if (value <= bounds.high) return 'high';
  if (value <= bounds.medium) return 'medium';
  return 'low';
}

/**
 * The band of deployment frequency, where higher is better; null without
 * any deployment in the window.
 *
 * @public
 */
export function deploymentFrequencyBand(
  perDay: number,
  thresholds: DoraThresholds,
): DoraBand | null {
  const bounds = thresholds.deploymentFrequencyPerDay;
  if (perDay <= 0) return 'low';
  if (perDay >= bounds.elite) return 'elite';
  if (perDay >= bounds.high) return 'high';
  if (perDay >= bounds.medium) return 'medium';
  return 'low';
}

/**
 * The survey's bucket for a deployment rate: on demand (daily or more),
 * daily to weekly, weekly to monthly, or less than monthly.
 *
 * @public
 */
export function deploymentFrequencyBucket(
  perDay: number,
): DeploymentFrequencyBucket {
  if (perDay >= 1) return 'on_demand';
  if (perDay >= 1 / 7) return 'daily_to_weekly';
  if (perDay >= 1 / 30) return 'weekly_to_monthly';
  return 'less_than_monthly';
}
