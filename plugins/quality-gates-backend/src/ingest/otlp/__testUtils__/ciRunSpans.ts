import { createHash } from 'node:crypto';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  IdGenerator,
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Start of every test run: 2025-11-23T12:00:00Z, in milliseconds. */
export const RUN_START_MS = 1763899200000;

/** What a test CI run looks like. */
export interface CiRunSpec {
  /** Seeds the ids too: the same spec gives the same spans in any process. */
  runId: string;
  jobs: number;
  stepsPerJob: number;
  resource?: Attributes;
  /** Replaces the run span's CI/CD attributes. */
  runAttributes?: Attributes;
  runSpanName?: string;
  failed?: boolean;
  /** How long the run waits for its first job (queue time), in ms. */
  firstJobDelayMs?: number;
}

/** Ids derived from a seed, so separate senders can send the same spans. */
function seededIds(seed: string): IdGenerator {
  let n = 0;
  const next = (length: number) =>
    createHash('sha256')
      .update(`${seed}:${n++}`)
      .digest('hex')
      .slice(0, length);
  return {
    generateTraceId: () => next(32),
    generateSpanId: () => next(16),
  };
}

/**
 * One CI pipeline run as an instrumented CI system traces it (CI/CD
 * semantic conventions): a SERVER run span, jobs, steps. Spans come out in
 * the order they end, so the run span is last, as exporters send it.
 */
export function ciRunSpans(spec: CiRunSpec): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      ...spec.resource,
    }),
    idGenerator: seededIds(spec.runId),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('ci-test');
  const root = tracer.startSpan(spec.runSpanName ?? 'RUN deploy-checkout', {
    kind: SpanKind.SERVER,
    startTime: RUN_START_MS,
    attributes: spec.runAttributes ?? {
      'cicd.pipeline.name': 'deploy-checkout',
      'cicd.pipeline.run.id': spec.runId,
      'cicd.pipeline.result': 'success',
      'cicd.pipeline.run.url.full': `https://ci.example.com/runs/${spec.runId}`,
      'vcs.repository.url.full': 'https://github.com/example-corp/checkout',
      'vcs.ref.head.name': 'main',
      'vcs.ref.head.revision': '3f1c2a9be0d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8',
    },
  });
  let time = RUN_START_MS + (spec.firstJobDelayMs ?? 0);
  for (let j = 0; j < spec.jobs; j++) {
    const job = tracer.startSpan(
      `job ${j}`,
      {
        startTime: ++time,
        attributes: {
          'cicd.pipeline.task.name': `job ${j}`,
          'cicd.pipeline.task.type': 'build',
          'cicd.pipeline.task.run.id': `${spec.runId}-${j}`,
        },
      },
      trace.setSpan(context.active(), root),
    );
    for (let s = 0; s < spec.stepsPerJob; s++) {
      const step = tracer.startSpan(
        `step ${j}.${s}`,
        { startTime: ++time, attributes: { 'step.index': s } },
        trace.setSpan(context.active(), job),
      );
      step.end(++time);
    }
    job.end(++time);
  }
  if (spec.failed) root.setStatus({ code: SpanStatusCode.ERROR });
  root.end(time + 1000);
  return memory.getFinishedSpans();
}
