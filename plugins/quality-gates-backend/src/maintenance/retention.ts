import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { SpanPartitions } from '../ingest/otlp/spanPartitions';
import { forgetFirstDeployments } from '../delivery/firstDeployments';
import {
  forgetDeploymentFacts,
  refreshDeploymentFacts,
} from '../dora/facts/deploymentFacts';

/** How long delivery history is kept, in days. */
export interface RetentionPolicy {
  /** Deployments, changes, incidents, pipeline runs and heartbeats. */
  deliveryEventsDays: number;
  /** Trace spans: by far the most rows, and needed for recent runs only. */
  traceDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  deliveryEventsDays: 730,
  traceDays: 30,
};

/** What one retention pass deleted, per table. */
export type RetentionResult = Record<string, number>;

/**
 * Deletes delivery history older than the policy allows. Rows are judged by
 * when the event happened, not when it was received. Spans go a day at a
 * time on PostgreSQL (see {@link SpanPartitions.dropBefore}). Deployment links go
 * with their deployments; incidents keep pointing at nothing rather than
 * blocking the deletion of the deployment that caused them.
 */
export async function applyRetention(
  db: Knex,
  policy: RetentionPolicy,
  now: DateTime = DateTime.utc(),
): Promise<RetentionResult> {
  const cutoff = now.minus({ days: policy.deliveryEventsDays }).toJSDate();
  // Spans keep their start as epoch microseconds.
  const spanCutoffMicros =
    now.minus({ days: policy.traceDays }).toMillis() * 1000;
  const deleted = await db.transaction(async tx => {
    const expiredDeployments = tx('deployments')
      .where('started_at', '<', cutoff)
      .select('id');
    // Entities whose DORA facts the deletions change: a deleted success no
    // longer takes the blame for later incidents, a deleted incident no
    // longer makes later deployments failed or unplanned.
    const touchedEntities: string[] = await tx
      .select('entity_ref')
      .from(
        tx('deployments')
          .whereIn('id', expiredDeployments.clone())
          .select('entity_ref')
          .union(
            tx('incidents')
              .where('opened_at', '<', cutoff)
              .orWhereIn('caused_by_deployment_id', expiredDeployments.clone())
              .select('entity_ref'),
          )
          .as('touched'),
      )
      .whereNotNull('entity_ref')
      .pluck('entity_ref');
    await forgetFirstDeployments(tx, expiredDeployments.clone());
    await forgetDeploymentFacts(tx, expiredDeployments.clone());
    const deploymentChanges = await tx('deployment_changes')
      .whereIn('deployment_id', expiredDeployments.clone())
      .delete();
    await tx('incidents')
      .whereIn('caused_by_deployment_id', expiredDeployments.clone())
      .update({ caused_by_deployment_id: null });
    const deployments = await tx('deployments')
      .where('started_at', '<', cutoff)
      .delete();
    const incidents = await tx('incidents')
      .where('opened_at', '<', cutoff)
      .delete();
    const pipelineRuns = await tx('pipeline_runs')
      .where('started_at', '<', cutoff)
      .delete();
    // A change is history once neither its commit nor its push is recent.
    const changes = await tx('changes')
      .where(builder =>
        builder
          .where('committed_at', '<', cutoff)
          .orWhere(b =>
            b.whereNull('committed_at').andWhere('created_at', '<', cutoff),
          ),
      )
      .delete();
    // The CDEvents log serves redelivery checks and service timelines; it
    // ages with the history it describes.
    const cdEventsReceived = await tx('cdevents_received')
      .where('occurred_at', '<', cutoff)
      .delete();
    const heartbeats = await tx('heartbeats')
      .where('occurred_at', '<', cutoff)
      .delete();
    await refreshDeploymentFacts(
      tx,
      touchedEntities.map(entityRef => ({ entityRef, at: 0 })),
    );
    return {
      deployments,
      deploymentChanges,
      incidents,
      pipelineRuns,
      changes,
      cdEventsReceived,
      heartbeats,
    };
  });
  // After, in short transactions of their own: dropping a day of spans
  // locks the table for a moment, not for the whole pass.
  const spans = await new SpanPartitions(db, policy).dropBefore(
    spanCutoffMicros,
  );
  return {
    ...deleted,
    spans: spans.deletedSpans,
    spanPartitions: spans.droppedPartitions,
  };
}
