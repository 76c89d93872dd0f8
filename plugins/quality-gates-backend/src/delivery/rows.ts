import {
  Change,
  Incident,
  PipelineResult,
  PipelineRunSummary,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { timestampFromDatabase } from '../database/timestamps';

/** A timestamp column as read back from PostgreSQL (Date) or SQLite (ms). */
export type DbTimestamp = Date | number | string;

function optionalTime(value: DbTimestamp | null | undefined) {
  return value === null || value === undefined
    ? undefined
    : timestampFromDatabase(value);
}

/** Drops undefined fields so answers carry no `"x": null` noise. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}

export interface PipelineRunRow {
  id: string;
  source: string;
  external_id: string;
  entity_ref: string | null;
  pipeline_name: string;
  run_id: string | null;
  run_attempt: number | null;
  ref: string | null;
  sha: string | null;
  repository: string | null;
  result: PipelineResult | null;
  queued_at: DbTimestamp | null;
  started_at: DbTimestamp;
  finished_at: DbTimestamp | null;
  trace_id: string | null;
  url: string | null;
}

export function pipelineRunFromRow(row: PipelineRunRow): PipelineRunSummary {
  const startedAt = timestampFromDatabase(row.started_at);
  const finishedAt = optionalTime(row.finished_at);
  const queuedAt = optionalTime(row.queued_at);
  const seconds = (from: string, to: string) =>
    DateTime.fromISO(to).diff(DateTime.fromISO(from)).as('seconds');
  return compact({
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    entityRef: row.entity_ref ?? undefined,
    pipelineName: row.pipeline_name,
    runId: row.run_id ?? undefined,
    runAttempt: row.run_attempt ?? undefined,
    ref: row.ref ?? undefined,
    sha: row.sha ?? undefined,
    repository: row.repository ?? undefined,
    result: row.result ?? undefined,
    queuedAt,
    startedAt,
    finishedAt,
    traceId: row.trace_id ?? undefined,
    url: row.url ?? undefined,
    durationSeconds: finishedAt ? seconds(startedAt, finishedAt) : undefined,
    queueSeconds: queuedAt ? seconds(queuedAt, startedAt) : undefined,
  });
}

export interface IncidentRow {
  id: string;
  source: string;
  external_id: string;
  entity_ref: string | null;
  environment: string | null;
  severity: string | null;
  title: string | null;
  description: string | null;
  url: string | null;
  opened_at: DbTimestamp;
  resolved_at: DbTimestamp | null;
  caused_by_deployment_id: string | null;
  labels: string | null;
}

export function incidentFromRow(row: IncidentRow): Incident {
  return compact({
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    entityRef: row.entity_ref ?? undefined,
    environment: row.environment ?? undefined,
    severity: row.severity ?? undefined,
    title: row.title ?? undefined,
    description: row.description ?? undefined,
    url: row.url ?? undefined,
    openedAt: timestampFromDatabase(row.opened_at),
    resolvedAt: optionalTime(row.resolved_at),
    causedByDeploymentId: row.caused_by_deployment_id ?? undefined,
    labels: row.labels ? JSON.parse(row.labels) : undefined,
  });
}

export interface ChangeRow {
  repository: string;
  sha: string;
  entity_ref: string | null;
  message: string | null;
  author: string | null;
  authored_at: DbTimestamp | null;
  committed_at: DbTimestamp | null;
  pushed_at: DbTimestamp | null;
  ref: string | null;
  pr_number: number | null;
  pr_opened_at: DbTimestamp | null;
  pr_merged_at: DbTimestamp | null;
  url: string | null;
}

export function changeFromRow(row: ChangeRow): Change {
  return compact({
    repository: row.repository,
    sha: row.sha,
    entityRef: row.entity_ref ?? undefined,
    message: row.message ?? undefined,
    author: row.author ?? undefined,
    authoredAt: optionalTime(row.authored_at),
    committedAt: optionalTime(row.committed_at),
    pushedAt: optionalTime(row.pushed_at),
    ref: row.ref ?? undefined,
    pullRequest:
      row.pr_number !== null && row.pr_number !== undefined
        ? compact({
            number: Number(row.pr_number),
            openedAt: optionalTime(row.pr_opened_at),
            mergedAt: optionalTime(row.pr_merged_at),
          })
        : undefined,
    url: row.url ?? undefined,
  });
}
