import { InputError } from '@backstage/errors';
import { PipelineResult } from '@can-i-deploy/plugin-quality-gates-common';
import { CloudEvent } from 'cloudevents';
import { DateTime } from 'luxon';
import { EntityHints } from '../../catalog/EntityResolver';
import {
  EntityAssignment,
  IncidentReport,
  PipelineRunReport,
} from '../../delivery/DeliveryBatch';
import {
  CdEventKind,
  cdEventKind,
  incidentEventSchema,
  parseCdEvent,
  pipelineRunFinishedSchema,
  serviceEventSchema,
} from './cdEvent';
import { parsePackageUrl } from './packageUrl';
import { cdEventsKey } from './cdEventsKey';
import { clipText } from '../../input/storableText';

/** The `source` of every row CDEvents create. */
export const CDEVENTS_SOURCE = 'cdevents';

type Unassigned<T> = Omit<T, keyof EntityAssignment>;

/** Which event this is: (source, id) is unique per event, kept on redelivery. */
export interface CdEventIdentity {
  source: string;
  id: string;
  type: string;
  kind: CdEventKind;
  /** context.timestamp, ISO 8601 in UTC. */
  at: string;
}

/**
 * A subject as CDEvents identify it: by id within a source. The subject's
 * source defaults to the event's, as the spec says.
 */
export interface SubjectRef {
  source: string;
  id: string;
}

/** A service deployed, upgraded or rolled back in an environment. */
export interface ServiceEventRecord {
  kind: 'service';
  event: CdEventIdentity;
  predicate: 'deployed' | 'upgraded' | 'rolledback';
  service: SubjectRef;
  environment: string;
  /** The package URL the service runs after the event. */
  artifact: string;
  /** The purl's version (a digest, tag or semver), else the whole purl. */
  version: string;
  /** Tried in order until one resolves; the first is kept as the hint. */
  hints: EntityHints[];
}

export interface PipelineRunRecord {
  kind: 'pipelineRun';
  event: CdEventIdentity;
  subject: SubjectRef;
  run: Unassigned<PipelineRunReport>;
  hints: EntityHints[];
}

export interface IncidentRecord {
  kind: 'incident';
  event: CdEventIdentity;
  subject: SubjectRef;
  incident: Unassigned<IncidentReport>;
  hints: EntityHints[];
  /**
   * What a reported incident says was running: the service, environment and
   * artifact. It becomes `causedBy` only if that service's timeline shows a
   * deployment of exactly this artifact running there at the time.
   */
  runningArtifact?: {
    service: { id: string; source?: string };
    environment: string;
    artifact: string;
  };
}

export type CdEventRecord =
  | ServiceEventRecord
  | PipelineRunRecord
  | IncidentRecord;

const OUTCOMES: Record<string, PipelineResult> = {
  success: 'success',
  failure: 'failure',
  error: 'error',
  cancel: 'cancellation',
};

/**
 * What a CDEvent, carried by a CloudEvent, records. The CloudEvent's `data`
 * is the CDEvent; its `context` is authoritative, and a CloudEvent whose
 * type disagrees with it is rejected as a broken producer.
 */
export function mapCdEvent(cloudEvent: CloudEvent<unknown>): CdEventRecord {
  const data = cloudEvent.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(
      'The CloudEvent data must be a CDEvent: a JSON object with context and subject',
    );
  }
  const context = (data as { context?: { type?: unknown } }).context;
  const contextType =
    typeof context?.type === 'string' ? context.type : undefined;
  if (!contextType) {
    throw new InputError('The CDEvent has no context.type');
  }
  const kind = cdEventKind(contextType);
  if (cloudEvent.type !== contextType) {
    throw new InputError(
      `The CloudEvent type '${cloudEvent.type}' does not match the CDEvent context.type '${contextType}'`,
    );
  }

  switch (kind) {
    case 'service.deployed':
    case 'service.upgraded':
    case 'service.rolledback':
      return serviceEvent(
        kind,
        parseCdEvent(serviceEventSchema, data, contextType),
      );
    case 'pipelinerun.finished':
      return pipelineRunFinished(
        parseCdEvent(pipelineRunFinishedSchema, data, contextType),
      );
    default:
      return incidentEvent(
        kind,
        parseCdEvent(incidentEventSchema, data, contextType),
      );
  }
}

interface Envelope {
  context: { id: string; source: string; type: string; timestamp: string };
  subject: { id: string; source?: string };
}

function identity(kind: CdEventKind, cdEvent: Envelope): CdEventIdentity {
  const { context } = cdEvent;
  return {
    source: context.source,
    id: context.id,
    type: context.type,
    kind,
    at: DateTime.fromISO(context.timestamp, { setZone: true }).toUTC().toISO()!,
  };
}

function subjectOf(cdEvent: Envelope): SubjectRef {
  return {
    source: cdEvent.subject.source ?? cdEvent.context.source,
    id: cdEvent.subject.id,
  };
}

/**
 * Service ids are often Kubernetes-style (`service/checkout`): when the full
 * id names no entity, the name after the last `/` is tried.
 */
function serviceHints(serviceId: string): EntityHints[] {
  const hints: EntityHints[] = [{ serviceName: serviceId }];
  const name = serviceId.split('/').filter(Boolean).pop();
  if (name && name !== serviceId) {
    hints.push({ serviceName: name });
  }
  return hints;
}

function serviceEvent(
  kind: CdEventKind,
  cdEvent: ReturnType<typeof serviceEventSchema.parse>,
): ServiceEventRecord {
  const { content } = cdEvent.subject;
  const artifact = content.artifactId;
  const version = clipText(parsePackageUrl(artifact)?.version ?? artifact, 255);
  return {
    kind: 'service',
    event: identity(kind, cdEvent),
    predicate: kind.split('.')[1] as ServiceEventRecord['predicate'],
    service: subjectOf(cdEvent),
    environment: content.environment.id,
    artifact,
    version,
    hints: serviceHints(cdEvent.subject.id),
  };
}

function pipelineRunFinished(
  cdEvent: ReturnType<typeof pipelineRunFinishedSchema.parse>,
): PipelineRunRecord {
  const event = identity('pipelinerun.finished', cdEvent);
  const subject = subjectOf(cdEvent);
  const { content } = cdEvent.subject;
  const pipelineName = content.pipelineName ?? subject.id;
  return {
    kind: 'pipelineRun',
    event,
    subject,
    run: {
      source: CDEVENTS_SOURCE,
      externalId: cdEventsKey([subject.source, subject.id]),
      pipelineName,
      runId: subject.id,
      result: content.outcome ? OUTCOMES[content.outcome] : undefined,
      // A finished event carries no start time: the run is recorded at the
      // time it finished, and its duration stays unknown (zero).
      startedAt: event.at,
      finishedAt: event.at,
      url: content.uri ?? content.url,
    },
    // Pipelines map to entities by name: a component named like the
    // pipeline, or one listing it in quality-gates/service-name.
    hints: [{ serviceName: pipelineName }],
  };
}

function severityOf(customData: unknown): string | undefined {
  if (typeof customData !== 'object' || customData === null) {
    return undefined;
  }
  const severity = (customData as Record<string, unknown>).severity;
  return typeof severity === 'string' && severity
    ? clipText(severity, 64)
    : undefined;
}

function incidentEvent(
  kind: CdEventKind,
  cdEvent: ReturnType<typeof incidentEventSchema.parse>,
): IncidentRecord {
  const event = identity(kind, cdEvent);
  const subject = subjectOf(cdEvent);
  const { content } = cdEvent.subject;
  const base = {
    source: CDEVENTS_SOURCE,
    // reported and resolved name the same subject: they meet in one row.
    externalId: cdEventsKey([subject.source, subject.id]),
    environment: content.environment.id,
  };
  const hints = content.service ? serviceHints(content.service.id) : [{}];

  if (kind === 'incident.resolved') {
    return {
      kind: 'incident',
      event,
      subject,
      hints,
      // Opened at the latest when it was resolved; an earlier report wins.
      // The resolution's description and artifact describe the fix, not the
      // incident, so they are not recorded over the report's.
      incident: { ...base, openedAt: event.at, resolvedAt: event.at },
    };
  }
  return {
    kind: 'incident',
    event,
    subject,
    hints,
    incident: {
      ...base,
      description: content.description,
      url: content.ticketURI,
      severity: severityOf(cdEvent.customData),
      openedAt: event.at,
    },
    runningArtifact:
      content.service && content.artifactId
        ? {
            service: content.service,
            environment: content.environment.id,
            artifact: content.artifactId,
          }
        : undefined,
  };
}
