import { HTTP, CloudEvent } from 'cloudevents';
import deployed from './service-deployed.json';
import upgraded from './service-upgraded.json';
import rolledback from './service-rolledback.json';
import pipelineRunFinished from './pipelinerun-finished.json';
import incidentReported from './incident-reported.json';
import incidentResolved from './incident-resolved.json';

// CDEvents shaped like the spec's conformance examples (v0.4 with
// context.version and subject.type, v0.5 with context.specversion), with
// the values an Argo CD, Tekton and Alertmanager setup would send.
const FIXTURES = {
  deployed,
  upgraded,
  rolledback,
  pipelineRunFinished,
  incidentReported,
  incidentResolved,
};

export type CdEventFixture = keyof typeof FIXTURES;

export const CHECKOUT_V1 = deployed.subject.content.artifactId;
export const CHECKOUT_V2 = upgraded.subject.content.artifactId;
export const DIGEST_V1 = `sha256:${'1'.repeat(64)}`;
export const DIGEST_V2 = `sha256:${'2'.repeat(64)}`;

/** A CDEvent as JSON: a fixture with some fields replaced. */
export interface CdEventJson {
  context: Record<string, unknown> & {
    id: string;
    source: string;
    type: string;
    timestamp: string;
  };
  subject: Record<string, unknown> & {
    id: string;
    content: Record<string, any>;
  };
  [field: string]: unknown;
}

export function cdEvent(
  name: CdEventFixture,
  changes: {
    id?: string;
    timestamp?: string;
    type?: string;
    subjectId?: string;
    content?: Record<string, unknown>;
  } = {},
): CdEventJson {
  const event = JSON.parse(JSON.stringify(FIXTURES[name])) as CdEventJson;
  if (changes.id) event.context.id = changes.id;
  if (changes.timestamp) event.context.timestamp = changes.timestamp;
  if (changes.type) event.context.type = changes.type;
  if (changes.subjectId) event.subject.id = changes.subjectId;
  Object.assign(event.subject.content, changes.content);
  return event;
}

/** The CloudEvent a CDEvents SDK would send for it, per the CDEvents binding. */
export function cloudEventOf(event: CdEventJson): CloudEvent<CdEventJson> {
  return new CloudEvent({
    specversion: '1.0',
    id: event.context.id,
    source: event.context.source,
    type: event.context.type,
    subject: event.subject.id,
    time: event.context.timestamp,
    datacontenttype: 'application/json',
    data: event,
  });
}

/** Headers and body of the request in structured content mode. */
export function structured(event: CdEventJson) {
  const message = HTTP.structured(cloudEventOf(event));
  return {
    headers: message.headers as Record<string, string>,
    body: message.body as string,
  };
}

/** Headers and body of the request in binary content mode. */
export function binary(event: CdEventJson) {
  const message = HTTP.binary(cloudEventOf(event));
  return {
    headers: message.headers as Record<string, string>,
    body: message.body as string,
  };
}

/** A batch-mode body of several structured events. */
export function batch(...events: CdEventJson[]) {
  return {
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events.map(event => cloudEventOf(event))),
  };
}
