import {
  deploymentChecks,
  deploymentPayload,
  deploymentReportOf,
} from './deploymentPayload';
import { MAX_ITEMS_PER_REQUEST, parseItems } from './payloadFields';

const SHA = 'a'.repeat(40);

const valid = {
  serviceName: 'checkout-svc',
  externalId: 'deploy-4711',
  environment: 'production',
  version: '1.4.0',
  status: 'succeeded',
  startedAt: '2026-11-24T10:00:00Z',
  finishedAt: '2026-11-24T11:04:30+01:00',
  artifact: 'pkg:oci/checkout@sha256%3Aabc',
  actor: 'release-bot',
  url: 'https://ci.example-corp.dev/deploys/4711',
  description: 'Release 1.4.0',
  changes: [
    {
      repository: 'https://github.com/Example-Corp/checkout.git',
      sha: SHA.toUpperCase(),
    },
  ],
  pipelineRun: { source: 'cdevents', externalId: '/tekton/ci/run-1' },
};

const parse = (body: unknown) =>
  parseItems(deploymentPayload, deploymentChecks, body, 'deployments');

describe('deployment payloads', () => {
  it('maps one deployment to a report with source api and its hints apart', () => {
    const [item] = parse(valid);
    expect(deploymentReportOf(item)).toEqual({
      hints: {
        entityRef: undefined,
        serviceName: 'checkout-svc',
        repositorySlug: undefined,
      },
      report: {
        source: 'api',
        externalId: 'deploy-4711',
        environment: 'production',
        version: '1.4.0',
        status: 'succeeded',
        startedAt: '2026-11-24T10:00:00Z',
        finishedAt: '2026-11-24T11:04:30+01:00',
        artifact: 'pkg:oci/checkout@sha256%3Aabc',
        actor: 'release-bot',
        url: 'https://ci.example-corp.dev/deploys/4711',
        description: 'Release 1.4.0',
        // Normalised, so it meets the same commit from push webhooks.
        changes: [{ repository: 'github.com/example-corp/checkout', sha: SHA }],
        pipelineRun: { source: 'cdevents', externalId: '/tekton/ci/run-1' },
      },
    });
  });

  it('reads a batch as { items }', () => {
    const items = parse({
      items: [
        { ...valid, externalId: 'a' },
        {
          ...valid,
          externalId: 'b',
          serviceName: undefined,
          repositorySlug: 'example-corp/checkout',
        },
      ],
    });
    expect(items.map(item => item.externalId)).toEqual(['a', 'b']);
  });

  it('lists every problem of every item by its field path', () => {
    const body = {
      items: [
        valid,
        {
          externalId: '',
          version: '1.0',
          status: 'exploded',
          startedAt: 'yesterday',
          enviroment: 'production',
          changes: [{ repository: 'example-corp/checkout', sha: 'abc1234' }],
        },
      ],
    };
    expect(() => parse(body)).toThrow(
      [
        'Invalid deployments:',
        'items.1.externalId: String must contain at least 1 character(s);',
        'items.1.environment: Required;',
        "items.1.status: Invalid enum value. Expected 'in_progress' | 'succeeded' | 'failed' | 'rolled_back', received 'exploded';",
        'items.1.startedAt: expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-24T10:15:00Z;',
        'items.1.changes.0.repository: expected a repository with its host, e.g. github.com/org/repo or https://github.com/org/repo;',
        'items.1.changes.0.sha: expected a full commit sha (40 or 64 hex digits);',
        "items.1: Unrecognized key(s) in object: 'enviroment';",
        'items.1: one of entityRef, serviceName or repositorySlug is required',
      ].join(' '),
    );
  });

  it('requires something that names the entity, and a consistent time range', () => {
    const { serviceName, ...withoutEntity } = valid;
    expect(serviceName).toBeDefined();
    expect(() =>
      parse({ ...withoutEntity, finishedAt: '2026-11-24T09:00:00Z' }),
    ).toThrow(
      'Invalid deployments: (body): one of entityRef, serviceName or repositorySlug is required; finishedAt: must not be before startedAt',
    );
  });

  it('refuses a malformed entity ref or repository slug', () => {
    expect(() => parse({ ...valid, entityRef: 'component:' })).toThrow(
      'entityRef: expected an entity ref like component:default/checkout',
    );
    expect(() => parse({ ...valid, repositorySlug: 'checkout' })).toThrow(
      'repositorySlug: expected owner/name',
    );
  });

  it('refuses an empty batch, an oversized one, and anything but an object', () => {
    expect(() => parse({ items: [] })).toThrow(
      'items: Array must contain at least 1 element(s)',
    );
    expect(() =>
      parse({
        items: Array.from({ length: MAX_ITEMS_PER_REQUEST + 1 }, () => valid),
      }),
    ).toThrow(
      `items: Array must contain at most ${MAX_ITEMS_PER_REQUEST} element(s)`,
    );
    expect(() => parse([valid])).toThrow(
      '(body): Expected object, received array',
    );
  });
});
