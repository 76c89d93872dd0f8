import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { lockEntityHistories } from '../database/entityHistoryLocks';
import { retryTransientWrite } from '../database/retryTransientWrite';
import { upsertRows } from '../database/upsertRows';
import { timestampToDatabase } from '../database/timestamps';
import { DeliveryBatch, SourceKey } from './DeliveryBatch';
import { readPreviousDeployments, sourceKey } from './previousDeployments';
import {
  refreshCommitTimes,
  refreshFirstDeployments,
} from './firstDeployments';
import {
  deploymentPoints,
  incidentPoints,
  refreshDeploymentFacts,
} from '../dora/facts/deploymentFacts';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';

const TERMINAL_DEPLOYMENT_STATUSES = "('succeeded', 'failed', 'rolled_back')";

function optionalTimestamp(iso: string | undefined): Date | null {
  return iso ? timestampToDatabase(iso) : null;
}

/**
 * For each column: take the redelivered value when it has one, else keep
 * the stored one. Different events fill different fields of one row (a push
 * brings commit times, a pull request its merge time), and a late or
 * repeated event never erases what an earlier one said.
 */
function coalesceMerge(
  db: Knex | Knex.Transaction,
  table: string,
  columns: string[],
): Record<string, Knex.Raw> {
  return Object.fromEntries(
    columns.map(column => [
      column,
      db.raw('COALESCE(excluded.??, ??.??)', [column, table, column]),
    ]),
  );
}

/**
 * Writes what one ingest request carries in one transaction, idempotently:
 * rows are keyed by their source's id, so redelivery changes nothing and a
 * state change of the same deployment updates it in place.
 */
export class DeliveryEventWriter {
  /**
   * @param options.shippedChanges - false leaves `first_deployments` (and
   *   lead time's facts) as they are: only for measuring what keeping them
   *   costs, as they go stale.
   */
  constructor(
    private readonly db: Knex,
    private readonly options: { shippedChanges?: boolean } = {},
  ) {}

  /**
   * @param alsoWrite - more writes of the caller's (e.g. trace spans) that
   *   belong to the same transaction.
   */
  async write(
    batch: DeliveryBatch,
    alsoWrite?: (tx: Knex.Transaction) => Promise<void>,
  ): Promise<void> {
    const run = () =>
      this.db.transaction(async tx => {
        // Before any row: the entities whose histories this may change
        // (writeDeployments adds those its deployments leave). A commit's
        // time is copied to the shipped changes of its entity.
        await lockEntityHistories(
          tx,
          [
            ...(batch.deployments ?? []),
            ...(batch.incidents ?? []),
            ...(batch.changes ?? []),
          ].map(report => canonicalRef(report.entityRef)),
        );
        await this.writePipelineRuns(tx, batch);
        await this.writeDeployments(tx, batch);
        await this.writeChanges(tx, batch);
        await this.writeIncidents(tx, batch);
        if (alsoWrite) {
          await alsoWrite(tx);
        }
      });
    // Inside a caller's transaction, the caller decides about running again.
    if (this.db.isTransaction) {
      await run();
    } else {
      await retryTransientWrite(run, { what: 'Delivery events' });
    }
  }

  private async writePipelineRuns(tx: Knex.Transaction, batch: DeliveryBatch) {
    const now = new Date();
    const rows = (batch.pipelineRuns ?? []).map(run => ({
      id: randomUUID(),
      source: run.source,
      external_id: run.externalId,
      entity_ref: canonicalRef(run.entityRef),
      entity_hint: run.entityHint ?? null,
      pipeline_name: run.pipelineName,
      run_id: run.runId ?? null,
      run_attempt: run.runAttempt ?? null,
      ref: run.ref ?? null,
      sha: run.sha ?? null,
      repository: run.repository ?? null,
      result: run.result ?? null,
      queued_at: optionalTimestamp(run.queuedAt),
      started_at: timestampToDatabase(run.startedAt),
      finished_at: optionalTimestamp(run.finishedAt),
      trace_id: run.traceId ?? null,
      url: run.url ?? null,
      created_at: now,
      updated_at: now,
    }));
    await upsertRows(tx, {
      table: 'pipeline_runs',
      rows,
      keyColumns: ['source', 'external_id'],
      merge: {
        ...coalesceMerge(tx, 'pipeline_runs', [
          'entity_ref',
          'entity_hint',
          'run_id',
          'run_attempt',
          'ref',
          'sha',
          'repository',
          'result',
          'queued_at',
          'finished_at',
          'trace_id',
          'url',
        ]),
        pipeline_name: tx.raw('excluded.pipeline_name'),
        started_at: tx.raw('excluded.started_at'),
        updated_at: tx.raw('excluded.updated_at'),
      },
    });
  }

  private async writeDeployments(tx: Knex.Transaction, batch: DeliveryBatch) {
    const reports = batch.deployments ?? [];
    if (reports.length === 0) {
      return;
    }
    const runIds = await this.idsByKey(
      tx,
      'pipeline_runs',
      reports.flatMap(report =>
        report.pipelineRun ? [report.pipelineRun] : [],
      ),
    );
    const previous = await readPreviousDeployments(tx, reports);
    const now = new Date();
    const rows = reports.map(report => ({
      id: randomUUID(),
      source: report.source,
      external_id: report.externalId,
      entity_ref: canonicalRef(report.entityRef),
      entity_hint: report.entityHint ?? null,
      environment: report.environment,
      version: report.version,
      artifact: report.artifact ?? null,
      actor: report.actor ?? null,
      status: report.status,
      started_at: timestampToDatabase(report.startedAt),
      finished_at: optionalTimestamp(report.finishedAt),
      url: report.url ?? null,
      description: report.description ?? null,
      pipeline_run_id: report.pipelineRun
        ? runIds.get(keyString(report.pipelineRun)) ?? null
        : null,
      created_at: now,
      updated_at: now,
    }));
    await upsertRows(tx, {
      table: 'deployments',
      rows,
      keyColumns: ['source', 'external_id'],
      merge: {
        ...coalesceMerge(tx, 'deployments', [
          'entity_ref',
          'entity_hint',
          'artifact',
          'actor',
          'finished_at',
          'url',
          'description',
          'pipeline_run_id',
        ]),
        environment: tx.raw('excluded.environment'),
        version: tx.raw('excluded.version'),
        // A late "in progress" never reopens a finished deployment.
        status: tx.raw(
          `CASE WHEN excluded.status = 'in_progress' AND deployments.status IN ${TERMINAL_DEPLOYMENT_STATUSES} THEN deployments.status ELSE excluded.status END`,
        ),
        started_at: tx.raw('excluded.started_at'),
        updated_at: tx.raw('excluded.updated_at'),
      },
    });

    const deploymentIds = await this.idsByKey(tx, 'deployments', reports);
    const links = reports.flatMap(report =>
      (report.changes ?? []).map(change => ({
        deployment_id: deploymentIds.get(keyString(report))!,
        repository: change.repository,
        sha: change.sha,
      })),
    );
    const newLinks = await insertNewLinks(tx, links);
    if (this.options.shippedChanges !== false) {
      await refreshFirstDeployments(tx, [...deploymentIds.values()], {
        relisted: [...previous.relisted].map(key => deploymentIds.get(key)!),
        newLinks,
        formerEntities: previous.entitiesLeft,
      });
    }
    await refreshDeploymentFacts(
      tx,
      await deploymentPoints(tx, [...deploymentIds.values()]),
    );
  }

  private async writeChanges(tx: Knex.Transaction, batch: DeliveryBatch) {
    const now = new Date();
    const rows = (batch.changes ?? []).map(change => ({
      id: randomUUID(),
      repository: change.repository,
      sha: change.sha,
      entity_ref: canonicalRef(change.entityRef),
      entity_hint: change.entityHint ?? null,
      source: change.source,
      message: change.message ?? null,
      author: change.author ?? null,
      authored_at: optionalTimestamp(change.authoredAt),
      committed_at: optionalTimestamp(change.committedAt),
      pushed_at: optionalTimestamp(change.pushedAt),
      ref: change.ref ?? null,
      push_before_sha: change.pushBeforeSha ?? null,
      push_after_sha: change.pushAfterSha ?? null,
      pr_number: change.pullRequest?.number ?? null,
      pr_opened_at: optionalTimestamp(change.pullRequest?.openedAt),
      pr_merged_at: optionalTimestamp(change.pullRequest?.mergedAt),
      url: change.url ?? null,
      created_at: now,
      updated_at: now,
    }));
    await upsertRows(tx, {
      table: 'changes',
      rows,
      keyColumns: ['repository', 'sha'],
      merge: {
        ...coalesceMerge(tx, 'changes', [
          'entity_ref',
          'entity_hint',
          'message',
          'author',
          'authored_at',
          'committed_at',
          'pushed_at',
          'ref',
          'push_before_sha',
          'push_after_sha',
          'pr_number',
          'pr_opened_at',
          'pr_merged_at',
          'url',
        ]),
        updated_at: tx.raw('excluded.updated_at'),
      },
    });
    if (this.options.shippedChanges !== false) {
      await refreshCommitTimes(tx, rows);
    }
  }

  private async writeIncidents(tx: Knex.Transaction, batch: DeliveryBatch) {
    const reports = batch.incidents ?? [];
    if (reports.length === 0) {
      return;
    }
    const causes = await this.idsByKey(
      tx,
      'deployments',
      reports.flatMap(report => (report.causedBy ? [report.causedBy] : [])),
    );
    // Where the incidents were, before this write moves them (an incident
    // may change entity or cause): the DORA facts there change too.
    const keys = reports.map(
      report => [report.source, report.externalId] as [string, string],
    );
    const before = await incidentPoints(tx, { keys });
    await lockEntityHistories(
      tx,
      before.map(point => point.entityRef),
    );
    const now = new Date();
    const rows = reports.map(report => ({
      id: randomUUID(),
      source: report.source,
      external_id: report.externalId,
      entity_ref: canonicalRef(report.entityRef),
      entity_hint: report.entityHint ?? null,
      environment: report.environment ?? null,
      severity: report.severity ?? null,
      title: report.title ?? null,
      description: report.description ?? null,
      url: report.url ?? null,
      opened_at: timestampToDatabase(report.openedAt),
      resolved_at: optionalTimestamp(report.resolvedAt),
      caused_by_deployment_id: report.causedBy
        ? causes.get(keyString(report.causedBy)) ?? null
        : null,
      labels: report.labels ? JSON.stringify(report.labels) : null,
      created_at: now,
      updated_at: now,
    }));
    await upsertRows(tx, {
      table: 'incidents',
      rows,
      keyColumns: ['source', 'external_id'],
      merge: {
        ...coalesceMerge(tx, 'incidents', [
          'entity_ref',
          'entity_hint',
          'environment',
          'severity',
          'title',
          'description',
          'url',
          'resolved_at',
          'caused_by_deployment_id',
          'labels',
        ]),
        // The earliest report of an incident says when it opened.
        opened_at: tx.raw(
          'CASE WHEN excluded.opened_at < incidents.opened_at THEN excluded.opened_at ELSE incidents.opened_at END',
        ),
        updated_at: tx.raw('excluded.updated_at'),
      },
    });
    await refreshDeploymentFacts(tx, [
      ...before,
      ...(await incidentPoints(tx, { keys })),
    ]);
  }

  /** Plugin ids of rows named by their source keys. */
  private async idsByKey(
    tx: Knex.Transaction,
    table: 'pipeline_runs' | 'deployments',
    keys: SourceKey[],
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < keys.length; i += 300) {
      const chunk = keys.slice(i, i + 300);
      const rows: Array<{ id: string; source: string; external_id: string }> =
        await tx(table)
          .select('id', 'source', 'external_id')
          .whereIn(
            ['source', 'external_id'],
            chunk.map(key => [key.source, key.externalId]),
          );
      for (const row of rows) {
        ids.set(
          keyString({ source: row.source, externalId: row.external_id }),
          row.id,
        );
      }
    }
    return ids;
  }
}

/** Entity refs are compared case-insensitively, so they are stored lower-case. */
function canonicalRef(entityRef: string | null): string | null {
  return entityRef ? canonicalEntityRef(entityRef) : null;
}

function keyString(key: SourceKey): string {
  return sourceKey(key.source, key.externalId);
}

interface LinkRow {
  deployment_id: string;
  repository: string;
  sha: string;
}

/**
 * Inserts the links of deployments to their changes that are not stored
 * yet, in key order, and returns those: a change listed on a deployment
 * for the first time may move its first listing.
 */
async function insertNewLinks(
  tx: Knex.Transaction,
  links: LinkRow[],
): Promise<LinkRow[]> {
  const unique = new Map(
    links.map(link => [
      JSON.stringify([link.deployment_id, link.repository, link.sha]),
      link,
    ]),
  );
  const sorted = [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, link]) => link);
  const inserted: LinkRow[] = [];
  for (let i = 0; i < sorted.length; i += 500) {
    inserted.push(
      ...(await tx('deployment_changes')
        .insert(sorted.slice(i, i + 500))
        .onConflict(['deployment_id', 'repository', 'sha'])
        .ignore()
        .returning(['deployment_id', 'repository', 'sha'])),
    );
  }
  return inserted;
}
