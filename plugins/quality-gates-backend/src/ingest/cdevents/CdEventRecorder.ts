import { Knex } from 'knex';
import {
  DeliveryBatch,
  DeploymentReport,
  EntityAssignment,
  IncidentReport,
  PipelineRunReport,
  SourceKey,
} from '../../delivery/DeliveryBatch';
import { DeliveryEventWriter } from '../../delivery/DeliveryEventWriter';
import { RequestEntityAssignments } from '../json/entityAssignments';
import { readStoredRows, StoredRow, storedRowKey } from '../json/storedRows';
import { CdEventLog, CdEventLogEntry } from './CdEventLog';
import {
  CDEVENTS_SOURCE,
  CdEventRecord,
  IncidentRecord,
  ServiceEventRecord,
} from './cdEventMapping';
import { deploymentKeys, planServiceEvent } from './serviceTimeline';

/** What one CDEvent did, as answered to its sender. */
export interface RecordedCdEvent {
  id: string;
  source: string;
  type: string;
  /** The event was recorded before: nothing changed. */
  duplicate: boolean;
  deployment?: StoredRow;
  pipelineRun?: StoredRow;
  incident?: StoredRow;
  /** The deployment a rollback marked `rolled_back`. */
  rolledBack?: StoredRow;
  /** Why a service event changed no deployment. */
  note?: string;
}

/** Thrown inside the write to roll it back when another delivery won. */
class AlreadyRecorded extends Error {}

type Unassigned<T> = Omit<T, keyof EntityAssignment>;

/** The rows an event writes, before its entity is resolved. */
interface UnassignedBatch {
  deployments?: Unassigned<DeploymentReport>[];
  pipelineRuns?: Unassigned<PipelineRunReport>[];
  incidents?: Unassigned<IncidentReport>[];
}

interface Plan {
  batch: UnassignedBatch;
  entry: CdEventLogEntry;
  rollBack?: string;
  /** A deployment the event repeated, reported back though not written. */
  unchanged?: string;
  note?: string;
}

/**
 * Records mapped CDEvents: looks at what the service timeline already shows,
 * writes the event's rows, the event itself and any rollback in one
 * transaction, and reads back what is stored.
 */
export class CdEventRecorder {
  private readonly log: CdEventLog;

  constructor(
    private readonly db: Knex,
    private readonly writer: DeliveryEventWriter,
  ) {
    this.log = new CdEventLog(db);
  }

  async record(
    record: CdEventRecord,
    entities: RequestEntityAssignments,
  ): Promise<RecordedCdEvent> {
    const { event } = record;
    const answer = {
      id: event.id,
      source: event.source,
      type: event.type,
    };
    if (await this.log.isRecorded(event.source, event.id)) {
      return { ...answer, duplicate: true };
    }

    const assignment = await entities.resolveFirst(record.hints);
    const plan = await this.plan(record);
    const assign = <T>(items: T[] | undefined) =>
      items?.map(item => ({ ...item, ...assignment }));
    const batch: DeliveryBatch = {
      deployments: assign(plan.batch.deployments),
      pipelineRuns: assign(plan.batch.pipelineRuns),
      incidents: assign(plan.batch.incidents),
    };

    try {
      await this.writer.write(batch, async tx => {
        if (!(await this.log.record(tx, plan.entry))) {
          throw new AlreadyRecorded();
        }
        if (plan.rollBack) {
          await this.log.markRolledBack(tx, plan.rollBack);
        }
      });
    } catch (error) {
      if (error instanceof AlreadyRecorded) {
        return { ...answer, duplicate: true };
      }
      throw error;
    }

    return {
      ...answer,
      duplicate: false,
      deployment: await this.readOne(
        'deployments',
        batch.deployments?.[0] ??
          (plan.unchanged
            ? { source: CDEVENTS_SOURCE, externalId: plan.unchanged }
            : undefined),
      ),
      pipelineRun: await this.readOne('pipeline_runs', batch.pipelineRuns?.[0]),
      incident: await this.readOne('incidents', batch.incidents?.[0]),
      rolledBack: await this.readOne(
        'deployments',
        plan.rollBack
          ? { source: CDEVENTS_SOURCE, externalId: plan.rollBack }
          : undefined,
      ),
      note: plan.note,
    };
  }

  private async plan(record: CdEventRecord): Promise<Plan> {
    const { event } = record;
    const entry: CdEventLogEntry = {
      source: event.source,
      eventId: event.id,
      type: event.type,
      subjectSource:
        record.kind === 'service'
          ? record.service.source
          : record.subject.source,
      subjectId:
        record.kind === 'service' ? record.service.id : record.subject.id,
      occurredAt: event.at,
    };
    switch (record.kind) {
      case 'service':
        return this.planService(record, entry);
      case 'pipelineRun':
        return { batch: { pipelineRuns: [record.run] }, entry };
      default:
        return this.planIncident(record, entry);
    }
  }

  private async planService(
    record: ServiceEventRecord,
    entry: CdEventLogEntry,
  ): Promise<Plan> {
    const { service, environment, artifact, event } = record;
    const plan = planServiceEvent(record, {
      running: await this.log.runningAt(service, environment, event.at),
      baseKeyInUse: await this.log.deploymentExists(
        deploymentKeys(record).base,
      ),
      previousOfArtifact:
        record.predicate === 'rolledback'
          ? await this.log.lastDeploymentOf(
              service,
              environment,
              artifact,
              event.at,
            )
          : undefined,
    });
    return {
      batch: { deployments: plan.deployment ? [plan.deployment] : undefined },
      entry: {
        ...entry,
        environment,
        artifact,
        deploymentKey: plan.runningAfter,
      },
      rollBack: plan.rollBack,
      unchanged: plan.unchanged,
      note: plan.unchanged
        ? `The environment already ran this artifact (deployment ${plan.unchanged})`
        : undefined,
    };
  }

  private async planIncident(
    record: IncidentRecord,
    entry: CdEventLogEntry,
  ): Promise<Plan> {
    const { runningArtifact } = record;
    let causedBy: SourceKey | undefined;
    if (runningArtifact) {
      // The cause is named only when the timeline agrees: the deployment
      // that put exactly this artifact there was running when it was reported.
      const running = await this.log.runningAt(
        runningArtifact.service,
        runningArtifact.environment,
        record.event.at,
      );
      if (
        running?.artifact === runningArtifact.artifact &&
        running.deployment
      ) {
        causedBy = {
          source: CDEVENTS_SOURCE,
          externalId: running.deployment.externalId,
        };
      }
    }
    return {
      batch: { incidents: [{ ...record.incident, causedBy }] },
      entry: { ...entry, environment: record.incident.environment },
    };
  }

  private async readOne(
    table: 'deployments' | 'incidents' | 'pipeline_runs',
    key: SourceKey | undefined,
  ): Promise<StoredRow | undefined> {
    if (!key) {
      return undefined;
    }
    const rows = await readStoredRows(this.db, table, [key]);
    return rows.get(storedRowKey(key));
  }
}
