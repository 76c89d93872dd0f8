import {
  incidentChecks,
  incidentPayload,
  incidentReportOf,
} from './incidentPayload';
import { parseItems } from './payloadFields';

const parse = (body: unknown) =>
  parseItems(incidentPayload, incidentChecks, body, 'incidents');

describe('incident payloads', () => {
  it('maps an incident, its explicit cause and labels', () => {
    const [item] = parse({
      externalId: 'INC-2207',
      entityRef: 'component:default/checkout',
      environment: 'production',
      severity: 'critical',
      title: 'Checkout latency',
      description: 'p99 above 800ms',
      url: 'https://tickets.example-corp.dev/INC-2207',
      openedAt: '2026-11-24T10:20:00Z',
      resolvedAt: '2026-11-24T10:45:00Z',
      causedByDeployment: { source: 'api', externalId: 'deploy-4711' },
      labels: { team: 'checkout', pager: 'yes' },
    });
    expect(incidentReportOf(item)).toEqual({
      hints: {
        entityRef: 'component:default/checkout',
        serviceName: undefined,
        repositorySlug: undefined,
      },
      report: {
        source: 'api',
        externalId: 'INC-2207',
        environment: 'production',
        severity: 'critical',
        title: 'Checkout latency',
        description: 'p99 above 800ms',
        url: 'https://tickets.example-corp.dev/INC-2207',
        openedAt: '2026-11-24T10:20:00Z',
        resolvedAt: '2026-11-24T10:45:00Z',
        causedBy: { source: 'api', externalId: 'deploy-4711' },
        labels: { team: 'checkout', pager: 'yes' },
      },
    });
  });

  it('needs only an id, an entity hint and when it opened', () => {
    const [item] = parse({
      externalId: 'x',
      serviceName: 'checkout-svc',
      openedAt: '2026-11-24T10:20:00Z',
    });
    expect(incidentReportOf(item).report).toEqual({
      source: 'api',
      externalId: 'x',
      openedAt: '2026-11-24T10:20:00Z',
      causedBy: undefined,
    });
  });

  it('lists every bad field by its path', () => {
    expect(() =>
      parse({
        externalId: 'x',
        openedAt: '2026-11-24T10:20:00Z',
        resolvedAt: '2026-11-24T10:00:00Z',
        url: 'not a url',
        causedByDeployment: { source: 'api' },
        labels: { team: 7 },
      }),
    ).toThrow(
      'Invalid incidents: url: Invalid url; causedByDeployment.externalId: Required; labels.team: Expected string, received number; (body): one of entityRef, serviceName or repositorySlug is required; resolvedAt: must not be before openedAt',
    );
  });
});
