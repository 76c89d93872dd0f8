/**
 * DORA performance bands, best first.
 *
 * @public
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/**
 * The deployment-frequency bucket of the DORA survey.
 *
 * @public
 */
export type DeploymentFrequencyBucket =
  | 'on_demand'
  | 'daily_to_weekly'
  | 'weekly_to_monthly'
  | 'less_than_monthly';

/**
 * The five DORA metrics, by the names the API uses.
 *
 * @public
 */
export type DoraMetricName =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime'
  | 'reworkRate';

/**
 * Deployments that reached production (succeeded or later rolled back).
 *
 * @public
 */
export interface DeploymentFrequencyFigure {
  deployments: number;
  perDay: number;
  perWeek: number;
  bucket: DeploymentFrequencyBucket | null;
  band: DoraBand | null;
}

/**
 * First commit of a change → the first successful production deployment that
 * contains it. Changes whose duration is zero or negative (clock skew,
 * rewritten history) are left out and counted.
 *
 * @public
 */
export interface LeadTimeFigure {
  changes: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  excludedNonPositive: number;
  band: DoraBand | null;
}

/**
 * Failed production deployments ÷ production deployments. A deployment
 * failed if it failed, was rolled back, or caused an incident.
 *
 * @public
 */
export interface ChangeFailureRateFigure {
  deployments: number;
  failed: number;
  /** 0–1, null without deployments. */
  rate: number | null;
  band: DoraBand | null;
}

/**
 * From a failure to the next successful production deployment or the
 * incident's resolution, whichever came first.
 *
 * @public
 */
export interface RecoveryTimeFigure {
  failures: number;
  recovered: number;
  /** Failures not recovered by the end of the window. */
  unrecovered: number;
  medianSeconds: number | null;
  band: DoraBand | null;
}

/**
 * Unplanned deployments (made while an incident of the entity was open, to
 * fix it) ÷ production deployments.
 *
 * @public
 */
export interface ReworkRateFigure {
  deployments: number;
  unplanned: number;
  rate: number | null;
  band: DoraBand | null;
}

/**
 * The five figures over one window.
 *
 * @public
 */
export interface DoraFigures {
  deploymentFrequency: DeploymentFrequencyFigure;
  leadTime: LeadTimeFigure;
  changeFailureRate: ChangeFailureRateFigure;
  recoveryTime: RecoveryTimeFigure;
  reworkRate: ReworkRateFigure;
}

/**
 * What the figures are about: one entity, or the entities a group owns or a
 * system holds.
 *
 * @public
 */
export interface DoraScope {
  kind: 'entity' | 'group' | 'system';
  ref: string;
  /** The entities whose deployments count. */
  entityRefs: string[];
}

/**
 * Answer of `GET /dora/metrics`.
 *
 * @public
 */
export interface DoraMetricsResponse {
  scope: DoraScope;
  /** Environments counted as production. */
  environments: string[];
  window: { from: string; to: string; days: number };
  current: DoraFigures;
  /** The window of the same length just before, for the change. */
  previous: DoraFigures;
  thresholds: DoraThresholds;
}

/**
 * One ISO week of the trend.
 *
 * @public
 */
export interface DoraTrendPoint {
  /** Monday 00:00 UTC of the week. */
  weekStart: string;
  deployments: number;
  leadTimeMedianSeconds: number | null;
  changeFailureRate: number | null;
  recoveryMedianSeconds: number | null;
  reworkRate: number | null;
}

/**
 * Answer of `GET /dora/trend`, oldest week first.
 *
 * @public
 */
export interface DoraTrendResponse {
  scope: DoraScope;
  items: DoraTrendPoint[];
}

/**
 * One row behind a figure: a deployment (with why it counts) or a change.
 *
 * @public
 */
export interface DoraDetailRow {
  entityRef: string;
  deploymentId?: string;
  environment?: string;
  version?: string;
  status?: string;
  deployedAt?: string;
  /** Why this row counts, e.g. `rolled_back`, `incident`, `failed`, `unplanned`. */
  reason?: string;
  incidentId?: string;
  incidentTitle?: string;
  /** The incident's id in the tool it came from, e.g. `INC-42`. */
  incidentExternalId?: string;
  incidentUrl?: string;
  sha?: string;
  repository?: string;
  /** Where the commit (or its pull request) can be read, when known. */
  changeUrl?: string;
  committedAt?: string;
  /** Lead or recovery time of this row. */
  durationSeconds?: number;
  /** When it started: a failure's start for recovery rows. */
  startedAt?: string;
  endedAt?: string;
}

/**
 * Answer of `GET /dora/details`: the rows behind one figure.
 *
 * @public
 */
export interface DoraDetailsResponse {
  scope: DoraScope;
  metric: DoraMetricName;
  items: DoraDetailRow[];
  totalCount: number;
}

/**
 * Where each band begins. Rates and durations: a value at or below the
 * elite bound is elite, and so on; deployment frequency: at or above.
 *
 * @public
 */
export interface DoraThresholds {
  /** Deployments per day needed for elite, high, medium. */
  deploymentFrequencyPerDay: { elite: number; high: number; medium: number };
  /** Upper bounds of lead time, in seconds. */
  leadTimeSeconds: { elite: number; high: number; medium: number };
  /** Upper bounds of change failure rate, 0–1. */
  changeFailureRate: { elite: number; high: number; medium: number };
  /** Upper bounds of recovery time, in seconds. */
  recoveryTimeSeconds: { elite: number; high: number; medium: number };
  /** Upper bounds of rework rate, 0–1; null when no bands apply. */
  reworkRate: { elite: number; high: number; medium: number } | null;
}
