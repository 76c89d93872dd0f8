import { CloudEvent } from 'cloudevents';
import { mapCdEvent } from './cdEventMapping';
import {
  CHECKOUT_V1,
  CHECKOUT_V2,
  cdEvent,
  cloudEventOf,
  DIGEST_V1,
  DIGEST_V2,
} from './__fixtures__/cdEvents';

const ARGO = '/argocd/prod-cluster';

describe('mapCdEvent', () => {
  it('maps service.deployed (v0.4 shape) to a service event with the purl version', () => {
    expect(mapCdEvent(cloudEventOf(cdEvent('deployed')))).toEqual({
      kind: 'service',
      event: {
        source: ARGO,
        id: '5f0c7c3e-2d4b-4c1e-9a57-0d3c8f1b6a01',
        type: 'dev.cdevents.service.deployed.0.2.0',
        kind: 'service.deployed',
        at: '2026-11-02T09:15:04.118Z',
      },
      predicate: 'deployed',
      service: { source: ARGO, id: 'deployment/checkout' },
      environment: 'production',
      artifact: CHECKOUT_V1,
      version: DIGEST_V1,
      // The Kubernetes-style id, then the name in it.
      hints: [
        { serviceName: 'deployment/checkout' },
        { serviceName: 'checkout' },
      ],
    });
  });

  it('maps service.upgraded (v0.5 shape) and service.rolledback alike', () => {
    const upgraded = mapCdEvent(cloudEventOf(cdEvent('upgraded')));
    expect(upgraded).toMatchObject({
      kind: 'service',
      predicate: 'upgraded',
      artifact: CHECKOUT_V2,
      version: DIGEST_V2,
      event: { at: '2026-11-03T14:02:51.907Z' },
    });
    expect(mapCdEvent(cloudEventOf(cdEvent('rolledback')))).toMatchObject({
      kind: 'service',
      predicate: 'rolledback',
      // A rollback names the artifact the service went back to.
      artifact: CHECKOUT_V1,
      version: DIGEST_V1,
    });
  });

  it('defaults the subject source to the event source, and keeps a non-purl artifact as the version', () => {
    const event = cdEvent('deployed', {
      subjectId: 'payments',
      content: { artifactId: 'registry.example/payments:2.0.0' },
    });
    delete event.subject.source;
    event.context.source = '/flux/staging';
    expect(mapCdEvent(cloudEventOf(event))).toMatchObject({
      service: { source: '/flux/staging', id: 'payments' },
      version: 'registry.example/payments:2.0.0',
      hints: [{ serviceName: 'payments' }],
    });
  });

  it('accepts any 0.x version of a supported type', () => {
    for (const type of [
      'dev.cdevents.service.deployed.0.1.0',
      'dev.cdevents.service.deployed.0.3.0-draft',
      'dev.cdevents.service.deployed.0.9',
    ]) {
      expect(
        mapCdEvent(cloudEventOf(cdEvent('deployed', { type }))),
      ).toMatchObject({
        kind: 'service',
        event: { type },
      });
    }
  });

  it('maps pipelinerun.finished, with the outcome in the OpenTelemetry vocabulary', () => {
    expect(mapCdEvent(cloudEventOf(cdEvent('pipelineRunFinished')))).toEqual({
      kind: 'pipelineRun',
      event: expect.objectContaining({ kind: 'pipelinerun.finished' }),
      subject: {
        source: '/tekton/ci-cluster',
        id: 'checkout-release-run-4711',
      },
      run: {
        source: 'cdevents',
        externalId: '/tekton/ci-cluster/checkout-release-run-4711',
        pipelineName: 'checkout',
        runId: 'checkout-release-run-4711',
        result: 'failure',
        startedAt: '2026-11-03T13:58:40.500Z',
        finishedAt: '2026-11-03T13:58:40.500Z',
        url: 'https://tekton.example-corp.dev/#/namespaces/ci/pipelineruns/checkout-release-run-4711',
      },
      hints: [{ serviceName: 'checkout' }],
    });
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['error', 'error'],
    ['cancel', 'cancellation'],
  ])(
    'maps outcome %p to result %p; v0.5 names the link uri',
    (outcome, result) => {
      const event = cdEvent('pipelineRunFinished', {
        type: 'dev.cdevents.pipelinerun.finished.0.3.0',
        content: { outcome, url: undefined, uri: 'https://ci.example/run/1' },
      });
      expect(mapCdEvent(cloudEventOf(event))).toMatchObject({
        run: { result, url: 'https://ci.example/run/1' },
      });
    },
  );

  it('maps incident.reported with severity from customData and the artifact that was running', () => {
    expect(mapCdEvent(cloudEventOf(cdEvent('incidentReported')))).toEqual({
      kind: 'incident',
      event: expect.objectContaining({
        kind: 'incident.reported',
        at: '2026-11-03T14:20:00.000Z',
      }),
      subject: { source: '/alertmanager/prod', id: 'incident-2026-1103-01' },
      incident: {
        source: 'cdevents',
        externalId: '/alertmanager/prod/incident-2026-1103-01',
        environment: 'production',
        description: 'Checkout p99 latency above 800ms',
        url: 'https://tickets.example-corp.dev/INC-2207',
        severity: 'critical',
        openedAt: '2026-11-03T14:20:00.000Z',
      },
      hints: [
        { serviceName: 'deployment/checkout' },
        { serviceName: 'checkout' },
      ],
      runningArtifact: {
        service: { id: 'deployment/checkout', source: ARGO },
        environment: 'production',
        artifact: CHECKOUT_V2,
      },
    });
  });

  it('maps incident.resolved onto the same incident, without the fix as its description or cause', () => {
    const resolved = mapCdEvent(cloudEventOf(cdEvent('incidentResolved')));
    expect(resolved).toEqual({
      kind: 'incident',
      event: expect.objectContaining({ kind: 'incident.resolved' }),
      subject: { source: '/alertmanager/prod', id: 'incident-2026-1103-01' },
      incident: {
        source: 'cdevents',
        externalId: '/alertmanager/prod/incident-2026-1103-01',
        environment: 'production',
        openedAt: '2026-11-03T14:45:30.000Z',
        resolvedAt: '2026-11-03T14:45:30.000Z',
      },
      hints: [
        { serviceName: 'deployment/checkout' },
        { serviceName: 'checkout' },
      ],
    });
  });

  it('rejects an unsupported type, naming the supported ones', () => {
    for (const type of [
      'dev.cdevents.build.finished.0.1.0',
      'dev.cdevents.service.deployed.1.0.0',
      'dev.cdevents.service.removed.0.2.0',
    ]) {
      expect(() =>
        mapCdEvent(cloudEventOf(cdEvent('deployed', { type }))),
      ).toThrow(
        `Unsupported CDEvent type '${type}'; supported types: dev.cdevents.service.deployed.0.x, dev.cdevents.service.upgraded.0.x, dev.cdevents.service.rolledback.0.x, dev.cdevents.pipelinerun.finished.0.x, dev.cdevents.incident.reported.0.x, dev.cdevents.incident.resolved.0.x`,
      );
    }
  });

  it('rejects a CloudEvent whose type disagrees with the CDEvent context', () => {
    const event = cdEvent('deployed');
    const cloudEvent = cloudEventOf(event).cloneWith({
      type: 'dev.cdevents.service.upgraded.0.2.0',
    });
    expect(() => mapCdEvent(cloudEvent)).toThrow(
      "The CloudEvent type 'dev.cdevents.service.upgraded.0.2.0' does not match the CDEvent context.type 'dev.cdevents.service.deployed.0.2.0'",
    );
  });

  it('names every missing or bad field by its path', () => {
    const event = cdEvent('deployed', { timestamp: 'yesterday' });
    delete event.subject.content.environment;
    event.subject.content.artifactId = '';
    // The CloudEvent's own time is valid; the CDEvent's timestamp is not.
    const cloudEvent = cloudEventOf(cdEvent('deployed')).cloneWith({
      data: event,
    });
    expect(() => mapCdEvent(cloudEvent)).toThrow(
      'Invalid dev.cdevents.service.deployed.0.2.0 CDEvent: context.timestamp: expected an RFC 3339 timestamp; subject.content.environment: Required; subject.content.artifactId: String must contain at least 1 character(s)',
    );
    const badOutcome = cdEvent('pipelineRunFinished', {
      content: { outcome: 'aborted' },
    });
    expect(() => mapCdEvent(cloudEventOf(badOutcome))).toThrow(
      'subject.content.outcome: expected one of success, failure, error, cancel',
    );
  });

  it('rejects data that is not a CDEvent', () => {
    const notCdEvent = new CloudEvent({
      id: '1',
      source: '/x',
      type: 'dev.cdevents.service.deployed.0.2.0',
      data: 'hello',
    });
    expect(() => mapCdEvent(notCdEvent)).toThrow(
      'The CloudEvent data must be a CDEvent: a JSON object with context and subject',
    );
    const noContext = notCdEvent.cloneWith({ data: { subject: {} } });
    expect(() => mapCdEvent(noContext)).toThrow(
      'The CDEvent has no context.type',
    );
  });
});
