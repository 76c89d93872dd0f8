import { DateTime } from 'luxon';
import { DemoRelease } from './demoHistory';
import { randomHex, seededRandom } from './demoRandom';

type OtlpValue = { stringValue: string } | { intValue: string };

interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Array<{ key: string; value: OtlpValue }>;
  status: { code: number; message?: string };
}

const SPAN_KIND_INTERNAL = 1;
const STATUS_OK = 1;
const STATUS_ERROR = 2;

function attribute(key: string, value: string | number) {
  return {
    key,
    value:
      typeof value === 'number'
        ? { intValue: String(value) }
        : { stringValue: value },
  };
}

function nanos(time: DateTime): string {
  return `${BigInt(Math.round(time.toMillis())) * 1_000_000n}`;
}

/**
 * The CI run of a release as an OTLP/JSON export request, the way a CI
 * exporter following the OpenTelemetry CI/CD conventions sends it: a run
 * span, a span per job (some in parallel), steps inside jobs, and a span per
 * test file — a few hundred spans.
 */
export function demoCiTrace(options: {
  entityRef: string;
  repositorySlug: string;
  release: DemoRelease;
}) {
  const { entityRef, repositorySlug, release } = options;
  const run = release.ciRun;
  const random = seededRandom(`${entityRef}#${run.runId}`);
  const traceId = randomHex(random, 32);
  const spans: OtlpJsonSpan[] = [];
  const failed = run.result === 'failure';

  const span = (
    name: string,
    parent: string | undefined,
    start: DateTime,
    end: DateTime,
    attributes: Array<{ key: string; value: OtlpValue }>,
    error = false,
  ) => {
    const spanId = randomHex(random, 16);
    spans.push({
      traceId,
      spanId,
      ...(parent ? { parentSpanId: parent } : {}),
      name,
      kind: SPAN_KIND_INTERNAL,
      startTimeUnixNano: nanos(start),
      endTimeUnixNano: nanos(end),
      attributes,
      status: error
        ? { code: STATUS_ERROR, message: 'step failed' }
        : { code: STATUS_OK },
    });
    return spanId;
  };

  const rootId = span('ci', undefined, run.startedAt, run.finishedAt, [
    attribute('cicd.pipeline.name', 'ci'),
    attribute('cicd.pipeline.run.id', String(run.runId)),
    attribute('cicd.pipeline.run.attempt', 1),
    attribute('cicd.pipeline.result', run.result),
    attribute(
      'cicd.pipeline.run.url.full',
      `https://github.com/${repositorySlug}/actions/runs/${run.runId}`,
    ),
    attribute('vcs.ref.head.revision', release.mergeSha),
    attribute('vcs.ref.head.name', 'main'),
    attribute(
      'vcs.repository.url.full',
      `https://github.com/${repositorySlug}`,
    ),
  ]);

  // Setup, then lint / unit tests / build in parallel, then the image.
  const SEMCONV_TASK_TYPES: Record<string, string | undefined> = {
    build: 'build',
    image: 'build',
    'unit tests': 'test',
  };
  const total = run.finishedAt.diff(run.startedAt).as('milliseconds');
  const at = (fraction: number) =>
    run.startedAt.plus({ milliseconds: total * fraction });
  const job = (name: string, from: number, to: number, error = false) =>
    span(
      name,
      rootId,
      at(from),
      at(to),
      [
        attribute('cicd.pipeline.task.name', name),
        // The conventions' types are build, test and deploy only: setup and
        // lint declare none, and the UI classifies them by name.
        ...(SEMCONV_TASK_TYPES[name]
          ? [attribute('cicd.pipeline.task.type', SEMCONV_TASK_TYPES[name])]
          : []),
        attribute(
          'cicd.pipeline.task.run.result',
          error ? 'failure' : 'success',
        ),
      ],
      error,
    );

  const setup = job('setup', 0, 0.18);
  for (const [index, step] of [
    'checkout',
    'restore cache',
    'install dependencies',
  ].entries()) {
    span(step, setup, at(0.01 + index * 0.055), at(0.06 + index * 0.055), []);
  }
  job('lint', 0.19, 0.42);
  const unitTests = job('unit tests', 0.19, 0.83, failed);
  const files = 120 + Math.floor(random() * 160);
  const width = (0.83 - 0.2) / files;
  for (let file = 0; file < files; file++) {
    const start = 0.2 + file * width;
    const broken = failed && file === files - 3;
    span(
      `test src/module${file}.test.ts`,
      unitTests,
      at(start),
      at(start + width * (0.5 + random() * 0.5)),
      [attribute('test.suite.name', `module${file}`)],
      broken,
    );
  }
  const build = job('build', 0.19, 0.7);
  span('compile', build, at(0.2), at(0.55), []);
  span('bundle', build, at(0.55), at(0.69), []);
  if (!failed) {
    const image = job('image', 0.84, 0.99);
    span('docker build', image, at(0.85), at(0.95), []);
    span('docker push', image, at(0.95), at(0.99), []);
  }

  return {
    traceId,
    body: {
      resourceSpans: [
        {
          resource: {
            attributes: [
              attribute('service.name', 'github-actions'),
              attribute('backstage.entity_ref', entityRef),
            ],
          },
          scopeSpans: [{ scope: { name: 'demo-ci-exporter' }, spans }],
        },
      ],
    },
  };
}
