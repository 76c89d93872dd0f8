/*
 * The trace the waterfall benchmark renders: a CI run as a CI exporter and
 * a test reporter send it, deterministic, of any number of spans.
 */
import { DateTime } from 'luxon';
import {
  SpanAttributes,
  TraceResponse,
  TraceSpan,
  TraceSpanEvent,
} from '@can-i-deploy/plugin-quality-gates-common';
import { seededRandom } from '../lib/seededRandom';

const ENTITY_REF = 'component:default/payments-platform';
const REPOSITORY = 'https://github.com/example-org/payments-platform';
const TRACE_START_MICROS =
  DateTime.fromISO('2026-03-02T09:00:00Z').toMillis() * 1000;
/** One in this many test cases fails. */
const FAILING_CASE_EVERY = 250;
const ASSERTION = 'AssertionError: expected 409 to equal 201';

const SECOND = 1_000_000;

const RESOURCES: Record<'ci' | 'unit' | 'e2e', SpanAttributes> = {
  ci: {
    'service.name': 'github-actions',
    'backstage.entity_ref': ENTITY_REF,
    'vcs.repository.url.full': REPOSITORY,
  },
  unit: {
    'service.name': 'unit-tests',
    'telemetry.sdk.name': 'opentelemetry',
    'telemetry.sdk.language': 'nodejs',
    'backstage.entity_ref': ENTITY_REF,
  },
  e2e: {
    'service.name': 'e2e-tests',
    'telemetry.sdk.name': 'opentelemetry',
    'telemetry.sdk.language': 'nodejs',
    'backstage.entity_ref': ENTITY_REF,
  },
};

type TestKind = 'unit' | 'e2e';

interface StepPlan {
  name: string;
  /** Shortest and longest duration in seconds; tests take what they take. */
  seconds: [number, number];
  tests?: TestKind;
}

interface JobPlan {
  name: string;
  type: 'build' | 'test';
  needs: string[];
  steps: StepPlan[];
}

const STEP = (name: string, from: number, to: number): StepPlan => ({
  name,
  seconds: [from, to],
});
const SET_UP = [
  STEP('Set up job', 1, 3),
  STEP('Checkout', 2, 6),
  STEP('Restore cache', 3, 12),
  STEP('Install dependencies', 15, 45),
];
const TEAR_DOWN = [
  STEP('Post Checkout', 0.5, 1),
  STEP('Complete job', 0.2, 0.5),
];

/**
 * A monorepo's pipeline: setup; lint, type check, build and unit test
 * shards in parallel; end-to-end tests after the build. A failed test fails
 * the run, so the image and deploy jobs after them never run.
 */
function pipelinePlan(shards: number): JobPlan[] {
  const job = (
    name: string,
    type: JobPlan['type'],
    needs: string[],
    steps: StepPlan[],
  ): JobPlan => ({
    name,
    type,
    needs,
    steps: [...SET_UP, ...steps, ...TEAR_DOWN],
  });
  return [
    job('setup', 'build', [], [STEP('Save cache', 5, 15)]),
    job('lint', 'test', ['setup'], [STEP('Lint', 60, 150)]),
    job('typecheck', 'test', ['setup'], [STEP('Type check', 90, 180)]),
    job(
      'build',
      'build',
      ['setup'],
      [STEP('Build packages', 120, 300), STEP('Upload artifact', 5, 20)],
    ),
    ...Array.from({ length: shards }, (_, i) =>
      job(
        `unit tests (${i + 1}/${shards})`,
        'test',
        ['setup'],
        [
          { name: 'Run unit tests', seconds: [0, 0], tests: 'unit' },
          STEP('Upload coverage', 3, 10),
        ],
      ),
    ),
    job(
      'e2e tests',
      'test',
      ['build'],
      [
        STEP('Download artifact', 3, 8),
        STEP('Install browsers', 20, 40),
        { name: 'Run e2e tests', seconds: [0, 0], tests: 'e2e' },
        STEP('Upload report', 3, 10),
      ],
    ),
  ];
}

const PACKAGES = ['ledger', 'billing', 'checkout', 'notifications', 'auth'];
const MODULES = ['api', 'store', 'domain', 'jobs', 'ui', 'adapters'];
const SUBJECTS = ['invoice', 'refund', 'payout', 'customer', 'webhook', 'card'];
const OUTCOMES = [
  'returns 404 when the {s} is missing',
  'rejects a {s} without an idempotency key',
  'stores the {s} once when retried',
  'renders the {s} list with pagination',
  'emits an event for each {s} update',
  'rounds {s} amounts to the currency',
  'keeps the {s} when the provider times out',
];

/**
 * A CI run's trace of exactly `spanCount` spans as `GET /traces/{traceId}`
 * returns it: a run span, jobs in parallel and in sequence, their steps,
 * test files under the test steps and test cases under the files, with the
 * CI/CD and code attributes a CI exporter and a test reporter send. The
 * shape is the same at any size: one unit test shard per 500 spans, and
 * every shard's tests about as many.
 */
export function ciTrace(spanCount: number): TraceResponse {
  const random = seededRandom(20260302);
  const between = (from: number, to: number) => from + random() * (to - from);
  const pick = <T>(values: readonly T[]) =>
    values[Math.floor(random() * values.length)];
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join(
      '',
    );
  const traceId = hex(32);
  const pipelineRunId = [hex(8), hex(4), hex(4), hex(4), hex(12)].join('-');
  const runId = '14830021337';
  const spans: TraceSpan[] = [];

  const iso = (micros: number) =>
    DateTime.fromMillis(Math.floor(micros / 1000), { zone: 'utc' }).toISO()!;
  const nanos = (micros: number) => `${BigInt(micros) * 1000n}`;
  const open = (options: {
    name: string;
    parent?: TraceSpan;
    start: number;
    resource: keyof typeof RESOURCES;
    attributes: SpanAttributes;
  }): TraceSpan => {
    const start = TRACE_START_MICROS + Math.round(options.start);
    const span: TraceSpan = {
      traceId,
      spanId: hex(16),
      ...(options.parent ? { parentSpanId: options.parent.spanId } : {}),
      depth: options.parent ? options.parent.depth + 1 : 0,
      name: options.name,
      kind: options.parent ? 'internal' : 'server',
      startTime: iso(start),
      endTime: iso(start),
      startTimeUnixMicros: start,
      endTimeUnixMicros: start,
      durationMicros: 0,
      status: { code: 'unset' },
      serviceName: RESOURCES[options.resource]['service.name'] as string,
      entityRef: ENTITY_REF,
      pipelineRunId,
      attributes: options.attributes,
      events: [],
      links: [],
      resourceAttributes: RESOURCES[options.resource],
    };
    spans.push(span);
    return span;
  };
  /** Ends a span `end` micros after the trace's start. */
  const close = (span: TraceSpan, end: number, error?: string) => {
    const endMicros = TRACE_START_MICROS + Math.round(end);
    span.endTime = iso(endMicros);
    span.endTimeUnixMicros = endMicros;
    span.durationMicros = endMicros - span.startTimeUnixMicros;
    span.status = error ? { code: 'error', message: error } : { code: 'ok' };
    const task = span.attributes['cicd.pipeline.task.name'];
    if (typeof task === 'string') {
      const result = error ? 'failure' : 'success';
      span.attributes['cicd.pipeline.task.run.result'] = result;
      span.ciTask = {
        taskName: task,
        taskType: span.attributes['cicd.pipeline.task.type'] as string,
        taskRunId: span.attributes['cicd.pipeline.task.run.id'] as string,
        taskResult: result,
        taskRunUrl: span.attributes['cicd.pipeline.task.run.url.full'] as
          | string
          | undefined,
      };
    }
    return endMicros - TRACE_START_MICROS;
  };
  const offsetOf = (span: TraceSpan) =>
    span.startTimeUnixMicros - TRACE_START_MICROS;

  let casesSoFar = 0;
  /** A test file's cases one after another: its end and failed cases. */
  const testFile = (
    kind: TestKind,
    step: TraceSpan,
    start: number,
    cases: number,
  ) => {
    const pkg = pick(PACKAGES);
    const module = pick(MODULES);
    const subject = pick(SUBJECTS);
    const filePath =
      kind === 'unit'
        ? `packages/${pkg}/src/${module}/${subject}${hex(2)}.test.ts`
        : `e2e/${pkg}/${subject}-${module}.spec.ts`;
    const file = open({
      name: filePath,
      parent: step,
      start,
      resource: kind,
      attributes: {
        'test.suite.name': `${pkg} ${module} ${subject}`,
        'code.filepath': filePath,
      },
    });
    let at = start + between(0.03, 0.3) * SECOND;
    let failures = 0;
    for (let i = 0; i < cases; i++) {
      casesSoFar++;
      const failed = casesSoFar % FAILING_CASE_EVERY === FAILING_CASE_EVERY / 2;
      const name = pick(OUTCOMES).replace('{s}', subject);
      const testCase = open({
        name,
        parent: file,
        start: at,
        resource: kind,
        attributes: {
          'test.case.name': `${subject} ${name}`,
          'test.case.result.status': failed ? 'fail' : 'pass',
          'code.filepath': filePath,
          'code.lineno': 12 + i * 17,
          'code.function': `it(${JSON.stringify(name)})`,
        },
      });
      // Unit cases from a millisecond to ~0.4 s, end-to-end ones seconds.
      const duration =
        kind === 'unit'
          ? 1000 * Math.exp(random() * 6)
          : between(1, 8) * SECOND;
      if (failed) {
        failures++;
        const event: TraceSpanEvent = {
          name: 'exception',
          timeUnixNano: nanos(TRACE_START_MICROS + Math.round(at + duration)),
          attributes: {
            'exception.type': 'AssertionError',
            'exception.message': ASSERTION,
            'exception.stacktrace': [
              ASSERTION,
              `    at ${filePath}:${12 + i * 17}:23`,
              `    at processTicksAndRejections (node:internal/process/task_queues:105:5)`,
              `    at runTest (node_modules/test-runner/dist/index.js:781:11)`,
            ].join('\n'),
          },
        };
        testCase.events.push(event);
      }
      at = close(testCase, at + duration, failed ? ASSERTION : undefined);
    }
    const end = close(
      file,
      at + between(0.005, 0.05) * SECOND,
      failures ? `${failures} of ${cases} tests failed` : undefined,
    );
    file.attributes['test.suite.run.status'] = failures ? 'failure' : 'success';
    return { end, failures };
  };
  /** Files of `budget` spans in all, over `workers` parallel workers. */
  const runTests = (kind: TestKind, step: TraceSpan, budget: number) => {
    const workers = Array.from(
      { length: kind === 'unit' ? 2 : 4 },
      () => offsetOf(step) + between(1, 3) * SECOND,
    );
    let left = budget;
    let failures = 0;
    while (left > 0) {
      const cases = Math.min(left - 1, 2 + Math.floor(random() * 14));
      const worker = workers.indexOf(Math.min(...workers));
      const file = testFile(kind, step, workers[worker], cases);
      workers[worker] = file.end + between(0.01, 0.1) * SECOND;
      failures += file.failures;
      left -= 1 + cases;
    }
    return { end: Math.max(...workers) + between(0.5, 2) * SECOND, failures };
  };

  const shards = Math.max(1, Math.round(spanCount / 500));
  const plan = pipelinePlan(shards);
  const skeleton = 1 + plan.reduce((sum, job) => sum + 1 + job.steps.length, 0);
  const testBudget = spanCount - skeleton;
  if (testBudget < shards + 1) {
    throw new Error(`${spanCount} spans are too few for a pipeline`);
  }
  const e2eBudget = Math.round(testBudget * 0.08);
  const unitBudget = (shard: number) =>
    Math.floor((testBudget - e2eBudget) / shards) +
    (shard < (testBudget - e2eBudget) % shards ? 1 : 0);

  const run = open({
    name: 'ci',
    start: 0,
    resource: 'ci',
    attributes: {
      'cicd.pipeline.name': 'ci',
      'cicd.pipeline.run.id': runId,
      'cicd.pipeline.run.attempt': 1,
      'cicd.pipeline.run.url.full': `${REPOSITORY}/actions/runs/${runId}`,
      'vcs.ref.head.revision': hex(40),
      'vcs.ref.head.name': 'main',
      'vcs.repository.url.full': REPOSITORY,
    },
  });
  const jobEnds = new Map<string, number>();
  let shard = 0;
  let runFailures = 0;
  for (const [index, job] of plan.entries()) {
    const ready = Math.max(0, ...job.needs.map(need => jobEnds.get(need)!));
    const jobSpan = open({
      name: job.name,
      parent: run,
      start: ready + between(2, 20) * SECOND,
      resource: 'ci',
      attributes: {
        'cicd.pipeline.task.name': job.name,
        'cicd.pipeline.task.type': job.type,
        'cicd.pipeline.task.run.id': String(40_000_000_000 + index),
        'cicd.pipeline.task.run.url.full': `${REPOSITORY}/actions/runs/${runId}/job/${
          40_000_000_000 + index
        }`,
        'cicd.worker.name': `runner-${Math.floor(between(1, 64))}`,
      },
    });
    let at = offsetOf(jobSpan) + between(0.2, 1) * SECOND;
    let jobFailures = 0;
    for (const step of job.steps) {
      const stepSpan = open({
        name: step.name,
        parent: jobSpan,
        start: at,
        resource: 'ci',
        attributes: {
          'cicd.pipeline.task.name': step.name,
          'cicd.pipeline.task.type': job.type,
          'cicd.pipeline.task.run.id': `${jobSpan.attributes['cicd.pipeline.task.run.id']}-${spans.length}`,
        },
      });
      let end: number;
      let failures = 0;
      if (step.tests) {
        const tests = runTests(
          step.tests,
          stepSpan,
          step.tests === 'unit' ? unitBudget(shard++) : e2eBudget,
        );
        end = tests.end;
        failures = tests.failures;
      } else {
        end = at + between(...step.seconds) * SECOND;
      }
      at = close(
        stepSpan,
        end,
        failures ? `Process completed with exit code 1` : undefined,
      );
      at += between(0.05, 0.5) * SECOND;
      jobFailures += failures;
    }
    jobEnds.set(
      job.name,
      close(
        jobSpan,
        at,
        jobFailures ? `${jobFailures} tests failed` : undefined,
      ),
    );
    runFailures += jobFailures;
  }
  close(
    run,
    Math.max(...jobEnds.values()) + between(1, 3) * SECOND,
    runFailures ? 'Workflow failed' : undefined,
  );
  run.attributes['cicd.pipeline.result'] = runFailures ? 'failure' : 'success';

  if (spans.length !== spanCount) {
    throw new Error(`Generated ${spans.length} spans, not ${spanCount}`);
  }
  spans.sort(
    (a, b) =>
      a.startTimeUnixMicros - b.startTimeUnixMicros ||
      (a.spanId < b.spanId ? -1 : 1),
  );
  return { traceId, entityRef: ENTITY_REF, spans };
}
