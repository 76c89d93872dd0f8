import fs from 'node:fs';
import path from 'node:path';
import { decodeJsonTraces } from './otlpJson';
import { OtlpSpan, OtlpTraces } from './OtlpTraces';
import { pipelineRunsOfTraces } from './pipelineRunsOfTraces';

function fixture(name: string): OtlpTraces {
  return decodeJsonTraces(
    fs.readFileSync(path.resolve(__dirname, '__fixtures__', name)),
  );
}

function span(overrides: Partial<OtlpSpan>): OtlpSpan {
  return {
    traceId: '0123456789abcdef0123456789abcdef',
    spanId: '0123456789abcdef',
    name: 'span',
    kind: 'internal',
    startTimeUnixNano: 1763899200000000000n,
    endTimeUnixNano: 1763899260000000000n,
    status: { code: 'unset' },
    attributes: {},
    events: [],
    links: [],
    ...overrides,
  };
}

describe('pipelineRunsOfTraces', () => {
  it('maps a run of the CI/CD semantic conventions, run attributes on the resource', () => {
    expect(pipelineRunsOfTraces(fixture('semconv-pipeline.json'))).toEqual([
      {
        run: {
          source: 'otlp',
          externalId: 'Deploy checkout#120912#2',
          pipelineName: 'Deploy checkout',
          runId: '120912',
          runAttempt: 2,
          ref: 'release/2026.11',
          sha: '9a4f0c1d2e3b4a5968778695a4b3c2d1e0f9a8b7',
          repository: 'github.com/example-corp/checkout',
          result: 'timeout',
          // Triggered at the run span's start, its first job a second later.
          queuedAt: '2025-11-23T12:00:00.000Z',
          startedAt: '2025-11-23T12:00:01.000Z',
          finishedAt: '2025-11-23T12:01:00.500Z',
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          url: 'https://ci.example.com/pipelines/120912',
        },
        hints: {
          entityRef: 'component:default/checkout',
          serviceName: 'checkout-ci',
          repositorySlug: 'example-corp/checkout',
        },
      },
    ]);
  });

  it('maps a Jenkins build, taking repository and branch from its checkout span', () => {
    expect(pipelineRunsOfTraces(fixture('jenkins-pipeline.json'))).toEqual([
      {
        run: {
          source: 'otlp',
          externalId: 'payments/main#42',
          pipelineName: 'payments/main',
          runId: '42',
          runAttempt: undefined,
          ref: 'main',
          sha: undefined,
          repository: 'github.com/example-corp/payments',
          // UNSTABLE: built, but tests failed.
          result: 'failure',
          // Triggered at the run span's start, its first job a second later.
          queuedAt: '2025-11-23T12:00:00.000Z',
          startedAt: '2025-11-23T12:00:01.000Z',
          finishedAt: '2025-11-23T12:10:00.123Z',
          traceId: '0af7651916cd43dd8448eb211c80319c',
          url: 'https://ci.example.com/job/payments/job/main/42/',
        },
        hints: {
          serviceName: 'jenkins',
          repositorySlug: 'example-corp/payments',
        },
      },
    ]);
  });

  it('maps a workflow run of the GitHub receiver, not its jobs or steps', () => {
    const runs = pipelineRunsOfTraces(
      fixture('github-receiver-workflow-run.json'),
    );
    expect(runs).toEqual([
      {
        run: expect.objectContaining({
          externalId: 'build-and-deploy#9876543210',
          pipelineName: 'build-and-deploy',
          runId: '9876543210',
          ref: 'main',
          sha: '3f1c2a9be0d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8',
          repository: 'github.com/example-corp/checkout',
          result: 'failure',
          url: 'https://github.com/example-corp/checkout/actions/runs/9876543210',
          traceId: '5b8efff798038103d269b633813fc60c',
        }),
        hints: {
          serviceName: 'checkout',
          repositorySlug: 'example-corp/checkout',
        },
      },
    ]);
  });

  it('finds no run in traces of services, even those running inside CI', () => {
    const traces: OtlpTraces = {
      rejected: [],
      resourceSpans: [
        {
          // A test suite's HTTP server, traced with the run's resource.
          resourceAttributes: {
            'service.name': 'checkout',
            'cicd.pipeline.name': 'build',
          },
          spans: [span({ kind: 'server', parentSpanId: 'aaaaaaaaaaaaaaaa' })],
        },
        {
          resourceAttributes: { 'service.name': 'payments' },
          spans: [span({ kind: 'server', spanId: '1111111111111111' })],
        },
      ],
    };
    expect(pipelineRunsOfTraces(traces)).toEqual([]);
  });

  it('takes a run continuing an upstream trace by its own run attributes', () => {
    const runs = pipelineRunsOfTraces({
      rejected: [],
      resourceSpans: [
        {
          resourceAttributes: { 'service.name': 'jenkins' },
          spans: [
            span({
              kind: 'server',
              parentSpanId: 'aaaaaaaaaaaaaaaa',
              attributes: {
                'ci.pipeline.id': 'deploy',
                'ci.pipeline.run.number': 7,
              },
              status: { code: 'error' },
            }),
          ],
        },
      ],
    });
    expect(runs.map(({ run }) => [run.externalId, run.result])).toEqual([
      ['deploy#7', 'failure'],
    ]);
  });

  it('keys a run without a run id by its trace, its result by its status', () => {
    const runs = pipelineRunsOfTraces({
      rejected: [],
      resourceSpans: [
        {
          resourceAttributes: { 'cicd.pipeline.name': 'nightly' },
          spans: [
            span({ kind: 'server' }),
            span({ spanId: '2222222222222222' }),
          ],
        },
      ],
    });
    expect(runs).toEqual([
      {
        run: expect.objectContaining({
          externalId: 'trace:0123456789abcdef0123456789abcdef',
          pipelineName: 'nightly',
          // Unset status: finished without error.
          result: 'success',
        }),
        hints: {},
      },
    ]);
  });

  it('reports a run sent twice in one request once', () => {
    const root = span({
      kind: 'server',
      attributes: {
        'cicd.pipeline.name': 'build',
        'cicd.pipeline.run.id': '1',
      },
    });
    const runs = pipelineRunsOfTraces({
      rejected: [],
      resourceSpans: [
        { resourceAttributes: {}, spans: [root] },
        { resourceAttributes: {}, spans: [root] },
      ],
    });
    expect(runs).toHaveLength(1);
  });

  it('reads a trace once, however many run spans it has', () => {
    // 20,000 root spans of one trace naming runs, none saying what was
    // built: every run looks through the trace. Reading it once per run
    // blocked the event loop for minutes.
    const spans = Array.from({ length: 20_000 }, (_, i) =>
      span({
        spanId: (i + 1).toString(16).padStart(16, '0'),
        kind: 'server',
        startTimeUnixNano: 1763899200000000000n + BigInt(i),
        attributes: {
          'cicd.pipeline.name': 'deploy',
          'cicd.pipeline.run.id': String(i % 100),
          ...(i === 19_999 ? { 'vcs.ref.head.name': 'main' } : {}),
        },
      }),
    );
    const started = Date.now();
    const runs = pipelineRunsOfTraces({
      resourceSpans: [{ resourceAttributes: {}, spans }],
      rejected: [],
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(runs).toHaveLength(100);
    expect(runs.every(({ run }) => run.ref === 'main')).toBe(true);
  });
});
