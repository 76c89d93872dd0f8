import { Knex } from 'knex';

/**
 * Two weeks of one component's CI whose statistics were worked out by hand
 * (see pipelineStats.test.ts): runs of `build` that succeed, fail, time out,
 * are cancelled or still run, with and without queue times, one just before
 * and one just after the range, a `deploy` run, and the task spans of three
 * build runs, their task names and results written the ways producers do
 * (on the span or only on its resource, as a result word or only as an
 * error status).
 */
export const CHECKOUT = 'component:default/checkout';

const t = (iso: string) => new Date(iso);
const SECOND = 1000;

interface RunSpec {
  id: string;
  pipelineName?: string;
  startedAt: string;
  queuedSeconds?: number;
  durationSeconds?: number;
  result?: string;
  traceId?: string;
}

const RUNS: RunSpec[] = [
  // Before the range (which starts Wednesday 7 January).
  {
    id: 'b0',
    startedAt: '2026-01-06T10:00:00Z',
    durationSeconds: 1000,
    result: 'success',
    traceId: 'a0'.repeat(16),
  },
  // Week of 5 January.
  {
    id: 'b1',
    startedAt: '2026-01-07T10:00:00Z',
    queuedSeconds: 60,
    durationSeconds: 300,
    result: 'success',
    traceId: 'a1'.repeat(16),
  },
  {
    id: 'b2',
    startedAt: '2026-01-08T10:00:00Z',
    queuedSeconds: 120,
    durationSeconds: 600,
    result: 'failure',
    traceId: 'a2'.repeat(16),
  },
  {
    id: 'b3',
    startedAt: '2026-01-09T10:00:00Z',
    durationSeconds: 200,
    result: 'success',
  },
  { id: 'b4', startedAt: '2026-01-10T10:00:00Z' },
  // Week of 12 January.
  {
    id: 'b5',
    startedAt: '2026-01-13T10:00:00Z',
    queuedSeconds: 180,
    durationSeconds: 400,
    result: 'timeout',
    traceId: 'a5'.repeat(16),
  },
  {
    id: 'b6',
    startedAt: '2026-01-14T10:00:00Z',
    durationSeconds: 100,
    result: 'cancellation',
  },
  {
    id: 'e1',
    pipelineName: 'deploy',
    startedAt: '2026-01-15T10:00:00Z',
    durationSeconds: 50,
    result: 'success',
  },
  // Exactly at the end of the range: left out.
  {
    id: 'b7',
    startedAt: '2026-01-21T00:00:00Z',
    durationSeconds: 70,
    result: 'failure',
  },
];

interface SpanSpec {
  run: string;
  spanId: string;
  name: string;
  offsetSeconds: number;
  durationSeconds: number;
  attributes?: Record<string, unknown>;
  resourceAttributes?: Record<string, unknown>;
  status?: 'unset' | 'ok' | 'error';
}

const TASK = 'cicd.pipeline.task.name';
const TYPE = 'cicd.pipeline.task.type';
const RESULT = 'cicd.pipeline.task.run.result';

const SPANS: SpanSpec[] = [
  // Outside the range: its 999 s never count.
  {
    run: 'b0',
    spanId: '00000000000000a1',
    name: 'compile',
    offsetSeconds: 0,
    durationSeconds: 999,
    attributes: { [TASK]: 'compile' },
  },
  // b1: the run span (no task), compile, test with a step inside it (no
  // task of its own), and lint failed as Jenkins says it.
  {
    run: 'b1',
    spanId: '0000000000000b10',
    name: 'build',
    offsetSeconds: 0,
    durationSeconds: 300,
    attributes: { 'cicd.pipeline.name': 'build' },
  },
  {
    run: 'b1',
    spanId: '0000000000000b11',
    name: 'compile',
    offsetSeconds: 1,
    durationSeconds: 120,
    attributes: { [TASK]: 'compile', [TYPE]: 'build', [RESULT]: 'success' },
  },
  {
    run: 'b1',
    spanId: '0000000000000b12',
    name: 'test',
    offsetSeconds: 121,
    durationSeconds: 150,
    attributes: { [TASK]: 'test', [RESULT]: 'success' },
  },
  {
    run: 'b1',
    spanId: '0000000000000b13',
    name: 'npm test',
    offsetSeconds: 122,
    durationSeconds: 140,
    attributes: { 'process.command': 'npm test' },
  },
  {
    run: 'b1',
    spanId: '0000000000000b14',
    name: 'lint',
    offsetSeconds: 272,
    durationSeconds: 30,
    attributes: {
      [TASK]: 'lint',
      'jenkins.pipeline.step.result': 'UNSTABLE',
    },
  },
  // b2: compile, and test that failed.
  {
    run: 'b2',
    spanId: '0000000000000b21',
    name: 'compile',
    offsetSeconds: 0,
    durationSeconds: 100,
    attributes: { [TASK]: 'compile', [TYPE]: 'build' },
  },
  {
    run: 'b2',
    spanId: '0000000000000b22',
    name: 'test',
    offsetSeconds: 100,
    durationSeconds: 400,
    attributes: { [TASK]: 'test', [RESULT]: 'failure' },
  },
  // b5: compile named on its resource only; test with no result word but
  // an error status.
  {
    run: 'b5',
    spanId: '0000000000000b51',
    name: 'job',
    offsetSeconds: 0,
    durationSeconds: 90,
    resourceAttributes: { [TASK]: 'compile' },
  },
  {
    run: 'b5',
    spanId: '0000000000000b52',
    name: 'test',
    offsetSeconds: 90,
    durationSeconds: 300,
    attributes: { [TASK]: 'test' },
    status: 'error',
  },
];

/** Writes runs and spans as the ingest stores them. */
export async function writePipelineHistory(knex: Knex): Promise<void> {
  const now = new Date();
  await knex('pipeline_runs').insert(
    RUNS.map(run => {
      const started = t(run.startedAt).getTime();
      return {
        id: run.id,
        source: 'test',
        external_id: run.id,
        entity_ref: CHECKOUT,
        pipeline_name: run.pipelineName ?? 'build',
        result: run.result ?? null,
        queued_at:
          run.queuedSeconds === undefined
            ? null
            : new Date(started - run.queuedSeconds * SECOND),
        started_at: new Date(started),
        finished_at:
          run.durationSeconds === undefined
            ? null
            : new Date(started + run.durationSeconds * SECOND),
        trace_id: run.traceId ?? null,
        created_at: now,
        updated_at: now,
      };
    }),
  );
  const runs = new Map(RUNS.map(run => [run.id, run]));
  await knex('spans').insert(
    SPANS.map(span => {
      const run = runs.get(span.run)!;
      const startUs =
        (t(run.startedAt).getTime() + span.offsetSeconds * SECOND) * 1000;
      return {
        trace_id: run.traceId,
        span_id: span.spanId,
        parent_span_id: null,
        name: span.name,
        kind: 'internal',
        start_time_us: startUs,
        end_time_us: startUs + span.durationSeconds * 1_000_000,
        status_code: span.status ?? 'unset',
        status_message: null,
        attributes: JSON.stringify(span.attributes ?? {}),
        events: null,
        links: null,
        resource_attributes: JSON.stringify({
          'service.name': 'checkout-ci',
          ...span.resourceAttributes,
        }),
        service_name: 'checkout-ci',
        entity_ref: CHECKOUT,
        entity_hint: null,
        received_at: now,
      };
    }),
  );
}
