import { Knex } from 'knex';
import { timestampToDatabase } from '../../database/timestamps';
import { lockEntityHistories } from '../../database/entityHistoryLocks';
import { refreshFirstDeployments } from '../../delivery/firstDeployments';
import {
  deploymentPoints,
  refreshDeploymentFacts,
} from '../../dora/facts/deploymentFacts';
import { CDEVENTS_SOURCE } from './cdEventMapping';
import { KnownDeployment, RunningState } from './serviceTimeline';

const TABLE = 'cdevents_received';
const SERVICE_EVENT_TYPES = 'dev.cdevents.service.%';

/** One recorded event; service events also extend their service's timeline. */
export interface CdEventLogEntry {
  source: string;
  eventId: string;
  type: string;
  subjectSource: string;
  subjectId: string;
  environment?: string;
  artifact?: string;
  occurredAt: string;
  /** For service events: the deployment the environment runs afterwards. */
  deploymentKey?: string | null;
}

/** A service, by id, and by source when the event names one. */
export interface ServiceRef {
  id: string;
  source?: string;
}

/**
 * The CDEvents already recorded (for redelivery) and, from the service
 * events among them, each service's timeline per environment.
 */
export class CdEventLog {
  constructor(private readonly db: Knex) {}

  async isRecorded(source: string, eventId: string): Promise<boolean> {
    const row = await this.db(TABLE)
      .where({ source, event_id: eventId })
      .first('event_id');
    return !!row;
  }

  /**
   * Records an event inside the caller's transaction. Returns false when it
   * was already recorded (a concurrent delivery of the same event won), so
   * the caller can roll back what it wrote.
   */
  async record(tx: Knex.Transaction, entry: CdEventLogEntry): Promise<boolean> {
    const inserted = await tx(TABLE)
      .insert({
        source: entry.source,
        event_id: entry.eventId,
        type: entry.type,
        subject_source: entry.subjectSource,
        subject_id: entry.subjectId,
        environment: entry.environment ?? null,
        artifact: entry.artifact ?? null,
        occurred_at: timestampToDatabase(entry.occurredAt),
        deployment_key: entry.deploymentKey ?? null,
        received_at: new Date(),
      })
      .onConflict(['source', 'event_id'])
      .ignore()
      .returning('event_id');
    return inserted.length > 0;
  }

  /** The service's state in the environment from its events at or before `at`. */
  async runningAt(
    service: ServiceRef,
    environment: string,
    at: string,
  ): Promise<RunningState | undefined> {
    const row:
      | {
          artifact: string | null;
          deployment_key: string | null;
          status: string | null;
        }
      | undefined = await this.timeline(service, environment, at).first(
      'e.artifact',
      'e.deployment_key',
      'd.status',
    );
    if (!row) {
      return undefined;
    }
    return {
      artifact: row.artifact,
      deployment: known(row.deployment_key, row.status),
    };
  }

  /** The latest deployment of an artifact in the environment, at or before `at`. */
  async lastDeploymentOf(
    service: ServiceRef,
    environment: string,
    artifact: string,
    at: string,
  ): Promise<KnownDeployment | undefined> {
    const row:
      | { deployment_key: string | null; status: string | null }
      | undefined = await this.timeline(service, environment, at)
      .where('e.artifact', artifact)
      .whereNotNull('d.status')
      .first('e.deployment_key', 'd.status');
    return row ? known(row.deployment_key, row.status) : undefined;
  }

  async deploymentExists(externalId: string): Promise<boolean> {
    const row = await this.db('deployments')
      .where({ source: CDEVENTS_SOURCE, external_id: externalId })
      .first('id');
    return !!row;
  }

  /** Marks the deployment a rollback undid, inside the caller's transaction. */
  async markRolledBack(
    tx: Knex.Transaction,
    externalId: string,
  ): Promise<void> {
    const undone: Array<{ id: string; entity_ref: string | null }> = await tx(
      'deployments',
    )
      .where({ source: CDEVENTS_SOURCE, external_id: externalId })
      .whereNot('status', 'rolled_back')
      .select('id', 'entity_ref');
    const ids = undone.map(row => row.id);
    if (ids.length === 0) {
      return;
    }
    await lockEntityHistories(
      tx,
      undone.map(row => row.entity_ref),
    );
    await tx('deployments')
      .whereIn('id', ids)
      .update({ status: 'rolled_back', updated_at: new Date() });
    // A rolled-back deployment no longer counts as its changes' first.
    await refreshFirstDeployments(tx, ids);
    await refreshDeploymentFacts(tx, await deploymentPoints(tx, ids));
  }

  private timeline(service: ServiceRef, environment: string, at: string) {
    const query = this.db(`${TABLE} as e`)
      .leftJoin('deployments as d', join =>
        join
          .on('d.external_id', '=', 'e.deployment_key')
          .andOn('d.source', '=', this.db.raw('?', [CDEVENTS_SOURCE])),
      )
      .where('e.subject_id', service.id)
      .where('e.environment', environment)
      .where('e.type', 'like', SERVICE_EVENT_TYPES)
      .where('e.occurred_at', '<=', timestampToDatabase(at))
      .orderBy([
        { column: 'e.occurred_at', order: 'desc' },
        { column: 'e.received_at', order: 'desc' },
      ]);
    return service.source
      ? query.where('e.subject_source', service.source)
      : query;
  }
}

function known(
  externalId: string | null,
  status: string | null,
): KnownDeployment | undefined {
  return externalId && status
    ? { externalId, status: status as KnownDeployment['status'] }
    : undefined;
}
